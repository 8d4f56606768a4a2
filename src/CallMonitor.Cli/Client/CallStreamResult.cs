using CallMonitor.Contracts.V1;

namespace CallMonitor.Cli.Client;

/// <summary>How a streamed call ended: the report (null when the server closed the call without one) and what was sent.</summary>
public sealed record CallStreamResult(ReportReady? Report, TimeSpan AudioSent, int Violations);
