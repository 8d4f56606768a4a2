using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Logging;

/// <summary>The service's log messages (source-generated; the call id travels in the logging scope).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Information, "Engines loaded: {Engines}; voice activity: {Detector}; classifier: {Classifier}")]
    public static partial void EnginesLoaded(ILogger logger, string engines, string detector, string classifier);

    [LoggerMessage(2, LogLevel.Warning, "Engine note: {Warning}")]
    public static partial void EngineWarning(ILogger logger, string warning);

    [LoggerMessage(3, LogLevel.Information, "Call {CallId} started: agent {AgentId}, team {Team}, {Format}")]
    public static partial void CallStarted(ILogger logger, string callId, string agentId, string team, string format);

    [LoggerMessage(4, LogLevel.Information, "Call {CallId} completed: {AudioSeconds:0.0} s of audio, {Violations} violations")]
    public static partial void CallCompleted(ILogger logger, string callId, double audioSeconds, int violations);

    [LoggerMessage(5, LogLevel.Warning, "Call stream rejected: {Reason}")]
    public static partial void CallRejected(ILogger logger, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Call {CallId} abandoned after {AudioSeconds:0.0} s of audio; partial report kept")]
    public static partial void CallAbandoned(ILogger logger, string callId, double audioSeconds);

    [LoggerMessage(7, LogLevel.Warning, "Call {CallId}: analysis {BacklogSeconds:0.0} s behind the audio")]
    public static partial void CallBehind(ILogger logger, string callId, double backlogSeconds);

    [LoggerMessage(8, LogLevel.Error, "Call {CallId} failed")]
    public static partial void CallFailed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(9, LogLevel.Error, "Call {CallId}: could not store violation {ViolationId}")]
    public static partial void RecordFailed(ILogger logger, string callId, string violationId, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Call {CallId} refused: the call id was used before")]
    public static partial void DuplicateCall(ILogger logger, string callId);

    [LoggerMessage(11, LogLevel.Information, "Storage: {Target} (schema version {Version})")]
    public static partial void StorageOpened(ILogger logger, string target, int version);

    [LoggerMessage(12, LogLevel.Information, "Subscriber {Caller} subscribed after position {Position}")]
    public static partial void Subscribed(ILogger logger, string caller, long position);

    [LoggerMessage(13, LogLevel.Warning, "Subscriber {Caller} fell behind after position {Position}: {Dropped} events not queued; told to resume")]
    public static partial void SubscriberBehind(ILogger logger, string caller, long position, long dropped);

    [LoggerMessage(14, LogLevel.Information, "Rule pack in force: {PackId} {Version} ({Origin})")]
    public static partial void RulePackInForce(ILogger logger, string packId, string version, string origin);

    [LoggerMessage(15, LogLevel.Warning, "No API key file: every caller is treated as an administrator. Give --keys before exposing the service beyond this machine.")]
    public static partial void OpenAccess(ILogger logger);
}
