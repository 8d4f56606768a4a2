using CallMonitor.Reporting.Reports;

namespace CallMonitor.Server.Reports;

/// <summary>The report of one call as the service keeps it.</summary>
/// <param name="Partial">True when the call did not end normally (client gone, stream rejected): the report covers what was analysed.</param>
/// <param name="Json">The report as JSON, as sent in ReportReady.</param>
public sealed record StoredReport(string CallId, string AgentId, string Team, bool Partial, CallReport Report, string Json);
