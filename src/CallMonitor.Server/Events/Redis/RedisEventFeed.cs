using CallMonitor.Server.Observability;
using CallMonitor.Storage.Events;
using CallMonitor.Storage.Outbox;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CallMonitor.Server.Events.Redis;

/// <summary>
/// The multi-node feed: every node appends to one Redis stream and follows it, so a subscription on any node sees
/// every node's events, and a position sent by one node resumes on another (positions are the stream ids, see
/// <see cref="RedisStreamPositions"/>). While Redis is unreachable, events wait in this node's durable outbox and are
/// appended in order when it is back; calls go on meanwhile.
/// </summary>
public sealed class RedisEventFeed : IEventFeed, IAsyncDisposable
{
    private readonly IConnectionMultiplexer _connection;
    private readonly RedisFeedOptions _options;
    private readonly SqliteEventOutbox _outbox;
    private readonly SubscriberHub _hub;
    private readonly RedisEventAppender _appender;
    private readonly RedisStreamFollower _follower;
    private readonly ILogger _logger;

    private RedisEventFeed(IConnectionMultiplexer connection, RedisFeedOptions options, SqliteEventOutbox outbox, int held, ServerMetrics metrics, ILogger logger, TimeProvider time)
    {
        _connection = connection;
        _options = options;
        _outbox = outbox;
        _logger = logger;
        _hub = new SubscriberHub(metrics);
        _appender = new RedisEventAppender(connection.GetDatabase(), options, outbox, held, metrics, logger, time);
        _follower = new RedisStreamFollower(connection, options, _hub, logger);
    }

    /// <summary>Events held in the outbox, waiting for Redis.</summary>
    public int HeldInOutbox => _appender.Held;

    /// <summary>Position of the newest event offered to this node's subscribers.</summary>
    public long Followed => _follower.Offered;

    /// <summary>
    /// Connects to Redis (without waiting for it: a node starts while Redis is down and holds events meanwhile) and
    /// opens the outbox at <paramref name="outboxPath"/>; events a previous run left there are appended first.
    /// </summary>
    /// <exception cref="ArgumentException">The Redis configuration cannot be read.</exception>
    public static async Task<RedisEventFeed> OpenAsync(
        RedisFeedOptions options, string outboxPath, ServerMetrics metrics, ILogger logger, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(options.Configuration);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"the Redis configuration for '{options.Servers}' cannot be read: {e.Message}", nameof(options), e);
        }

        if (configuration.EndPoints.Count == 0)
        {
            throw new ArgumentException($"the Redis configuration names no server: give host:port (e.g. --redis 127.0.0.1:6379)", nameof(options));
        }

        if (configuration.EndPoints.FirstOrDefault(e => e is System.Net.IPEndPoint { Port: 0 } or System.Net.DnsEndPoint { Port: 0 }) is { } bad)
        {
            throw new ArgumentException($"the Redis server '{bad}' has no usable port: give host:port (e.g. --redis 127.0.0.1:6379)", nameof(options));
        }

        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.AsyncTimeout = (int)options.CommandTimeout.TotalMilliseconds;
        configuration.SyncTimeout = (int)options.CommandTimeout.TotalMilliseconds;
        configuration.ConnectTimeout = (int)Math.Max(options.CommandTimeout.TotalMilliseconds, 1000);
        configuration.ClientName ??= "callmonitor-" + Environment.MachineName;
        var connection = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        try
        {
            var outbox = await SqliteEventOutbox.OpenAsync(outboxPath, time, cancellationToken).ConfigureAwait(false);
            var held = await outbox.CountAsync(cancellationToken).ConfigureAwait(false);
            RedisFeedLog.Opened(logger, string.Join(", ", configuration.EndPoints), options.StreamKey, outbox.Path, held);
            var feed = new RedisEventFeed(connection, options, outbox, held, metrics, logger, time ?? TimeProvider.System);
            metrics.ObserveHeldEvents(() => feed.HeldInOutbox);
            try
            {
                // Usually at once; with Redis down the node starts anyway and follows from the head it first sees.
                await feed._follower.Started.WaitAsync(options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }

            return feed;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<long> PublishAsync(EventRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _appender.AppendAsync(record, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long afterPosition, EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var database = _connection.GetDatabase();
        var start = afterPosition <= 0 ? "-" : "(" + RedisStreamPositions.ToStreamId(afterPosition);
        var found = new List<StoredEvent>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = Math.Clamp(limit * 2, 100, 2000);
            var entries = await Unavailable(database.StreamRangeAsync(_options.StreamKey, start, "+", page)).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                start = "(" + entry.Id;
                if (RedisEventCodec.TryFromEntry(entry, _logger) is not { } stored)
                {
                    continue;
                }

                if (filter.Matches(stored.Record))
                {
                    found.Add(stored);
                    if (found.Count == limit)
                    {
                        return found;
                    }
                }
            }

            if (entries.Length < page)
            {
                break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return found;
    }

    public async Task<long> GetHeadPositionAsync(CancellationToken cancellationToken)
    {
        // A head read before the follower started could lie ahead of where it starts: the events between would be lost.
        try
        {
            await _follower.Started.WaitAsync(_options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new EventFeedUnavailableException($"this node has not reached the event stream on Redis ({_options.Servers}) yet", e);
        }

        var newest = await Unavailable(_connection.GetDatabase().StreamRangeAsync(_options.StreamKey, "-", "+", 1, Order.Descending)).ConfigureAwait(false);
        return newest.Length == 0 ? 0 : RedisStreamPositions.ToPosition(newest[0].Id.ToString());
    }

    public LiveSubscription Subscribe(EventFilter filter, int capacity) => _hub.Subscribe(filter, capacity);

    public async ValueTask DisposeAsync()
    {
        await _follower.DisposeAsync().ConfigureAwait(false);
        await _appender.DisposeAsync().ConfigureAwait(false);
        await _outbox.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }


    private async Task<T> Unavailable<T>(Task<T> command)
    {
        try
        {
            return await command.ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFaults.IsTransient(e))
        {
            throw new EventFeedUnavailableException($"the event stream on Redis ({_options.Servers}) cannot be read now: {e.Message}", e);
        }
    }
}
