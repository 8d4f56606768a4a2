using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Events.Redis;

/// <summary>Log messages of the Redis event stream (source-generated).</summary>
internal static partial class RedisFeedLog
{
    [LoggerMessage(401, LogLevel.Information, "Event stream: Redis {Endpoints}, stream {Stream}; outbox {Outbox} holds {Held} events")]
    public static partial void Opened(ILogger logger, string endpoints, string stream, string outbox, int held);

    [LoggerMessage(402, LogLevel.Warning, "Redis did not take event {EventId} ({Reason}); it is held in the local outbox until Redis is back")]
    public static partial void Held(ILogger logger, string eventId, string reason);

    [LoggerMessage(403, LogLevel.Information, "Outbox flushed: {Count} held events appended to Redis in order")]
    public static partial void Flushed(ILogger logger, int count);

    [LoggerMessage(404, LogLevel.Warning, "Redis circuit open for {BreakSeconds:0.#} s: events go to the local outbox")]
    public static partial void CircuitOpened(ILogger logger, double breakSeconds);

    [LoggerMessage(405, LogLevel.Information, "Redis circuit closed: events go to Redis again")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(406, LogLevel.Warning, "Reading the event stream failed ({Reason}); retrying")]
    public static partial void FollowFailed(ILogger logger, string reason);

    [LoggerMessage(407, LogLevel.Information, "Reading the event stream again after {Position}")]
    public static partial void FollowResumed(ILogger logger, long position);

    [LoggerMessage(408, LogLevel.Error, "Stream entry {EntryId} skipped: {Reason}")]
    public static partial void EntrySkipped(ILogger logger, string entryId, string reason);
}
