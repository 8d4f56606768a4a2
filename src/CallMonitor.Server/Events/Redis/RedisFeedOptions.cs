namespace CallMonitor.Server.Events.Redis;

/// <summary>The shared event stream on Redis (multi-node mode).</summary>
public sealed record RedisFeedOptions
{
    /// <summary>StackExchange.Redis configuration, e.g. <c>redis-1:6379,password=…</c>.</summary>
    public required string Configuration { get; init; }

    /// <summary>
    /// The stream every node appends to and reads. The braces are a Redis Cluster hash tag: the stream and its
    /// event-id keys land on one shard, which the atomic append script needs.
    /// </summary>
    public string StreamKey { get; init; } = "{callmonitor}:events";

    /// <summary>Approximate number of events the stream keeps (older ones are trimmed; resume positions before them are gone).</summary>
    public long MaxLength { get; init; } = 5_000_000;

    /// <summary>How long an appended event id is remembered, so a repeated append (an outbox flush retried) is not stored twice.</summary>
    public TimeSpan EventIdRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Longest wait for one Redis command before the event goes to the outbox instead.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long appends go straight to the outbox once Redis has failed (the circuit breaker's open time).</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the follower reads the stream when no append notice arrives (notices can be lost in a reconnect).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The servers named in <see cref="Configuration"/>, without passwords or other settings, for messages.</summary>
    public string Servers => string.Join(",", Configuration.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0 && !p.Contains('=', StringComparison.Ordinal)));

    /// <summary>Pub/sub channel announcing appends.</summary>
    internal string NoticeChannel => StreamKey + ":appended";

    /// <summary>The key remembering where event <paramref name="eventId"/> was appended.</summary>
    internal string EventIdKey(string eventId) => StreamKey + ":id:" + eventId;
}
