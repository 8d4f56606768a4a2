namespace CallMonitor.Reporting.Reports;

/// <summary>An engine that took part in (or was meant to take part in) the analysis.</summary>
/// <param name="Status"><c>ok</c>, <c>fallback</c> (a substitute ran) or <c>failed</c>.</param>
/// <param name="Detail">Why it fell back or failed; null when ok.</param>
public sealed record EngineInfo(string Name, string Implementation, string Status, string? Detail);
