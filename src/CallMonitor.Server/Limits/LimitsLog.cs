using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Limits;

/// <summary>What the per-key limits did (source-generated; the call id travels in the logging scope where there is one).</summary>
internal static partial class LimitsLog
{
    [LoggerMessage(501, LogLevel.Warning, "Refused a {Stream} stream of {Caller}: {Limit} open already, the most one caller may have")]
    public static partial void Refused(ILogger logger, string stream, string caller, int limit);

    [LoggerMessage(502, LogLevel.Warning, "Ended an idle call stream of {Caller} ({CallId}): nothing received for {Seconds:0.#} s")]
    public static partial void Idle(ILogger logger, string caller, string callId, double seconds);

    [LoggerMessage(503, LogLevel.Information, "Slowed call {CallId} of {Caller}: over its budget of {Speed:0.##} s of call time per second; reading resumes as it refills")]
    public static partial void Throttled(ILogger logger, string caller, string callId, double speed);
}
