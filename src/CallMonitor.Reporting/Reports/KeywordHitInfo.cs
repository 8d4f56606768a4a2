namespace CallMonitor.Reporting.Reports;

/// <summary>A keyword-spotter hit in the report.</summary>
/// <param name="Speaker">Channel it was heard on.</param>
/// <param name="Start">Seconds from call start.</param>
/// <param name="End">Seconds from call start.</param>
/// <param name="Tokens">The spelling that fired.</param>
/// <param name="Score">The engine's score, when it gives one.</param>
public sealed record KeywordHitInfo(string Speaker, double Start, double End, string Phrase, string Tokens, double? Score, string Source);
