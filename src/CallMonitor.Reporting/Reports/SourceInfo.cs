namespace CallMonitor.Reporting.Reports;

/// <summary>The input a report was made from.</summary>
public sealed record SourceInfo(string File, string Format);
