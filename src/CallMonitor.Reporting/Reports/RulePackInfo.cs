namespace CallMonitor.Reporting.Reports;

/// <summary>The rule pack a report was judged by.</summary>
/// <param name="NotEvaluated">Rule ids of the pack this version cannot judge automatically (reported, not hidden).</param>
public sealed record RulePackInfo(string Id, string Version, IReadOnlyList<string> NotEvaluated);
