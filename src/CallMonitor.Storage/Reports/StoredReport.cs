namespace CallMonitor.Storage.Reports;

/// <summary>The final report of a call as the caller serialised it.</summary>
/// <param name="Json">The report as JSON text.</param>
/// <param name="Html">The report rendered as HTML, when rendered.</param>
/// <param name="StoredAt">When this version was stored (the store's clock).</param>
public sealed record StoredReport(string CallId, string Json, string? Html, DateTimeOffset StoredAt);
