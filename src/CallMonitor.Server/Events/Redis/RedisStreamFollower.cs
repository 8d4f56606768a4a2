using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CallMonitor.Server.Events.Redis;

/// <summary>
/// Reads the shared stream from where this node started and offers every entry, in stream order, to this node's live
/// subscribers. It reads when an append notice arrives (pub/sub) and on a timer, since notices sent while this node
/// was disconnected are lost; the read always starts after the last entry offered, so nothing is skipped or repeated.
/// </summary>
internal sealed class RedisStreamFollower : IAsyncDisposable
{
    private const int Page = 500;
    private readonly IConnectionMultiplexer _connection;
    private readonly RedisFeedOptions _options;
    private readonly SubscriberHub _hub;
    private readonly ILogger _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _following;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _noticesOn;

    public RedisStreamFollower(IConnectionMultiplexer connection, RedisFeedOptions options, SubscriberHub hub, ILogger logger)
    {
        _connection = connection;
        _options = options;
        _hub = hub;
        _logger = logger;
        _following = Task.Run(() => FollowAsync(_stop.Token));
    }

    /// <summary>
    /// Completes once the follower knows where it starts (the stream's head when it first reached Redis): every event
    /// after a head read later is offered. Readers of the head wait for it, or they could miss what came between.
    /// </summary>
    public Task Started => _started.Task;

    /// <summary>The position of the last entry offered (0 before the first read).</summary>
    public long Offered { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _following.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task FollowAsync(CancellationToken stop)
    {
        var database = _connection.GetDatabase();
        string? last = null;
        var failing = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ListenForNoticesAsync().ConfigureAwait(false);
                last ??= await HeadIdAsync(database).ConfigureAwait(false);
                _started.TrySetResult();
                last = await OfferAfterAsync(database, last, stop).ConfigureAwait(false);
                if (failing)
                {
                    failing = false;
                    RedisFeedLog.FollowResumed(_logger, Offered);
                }
            }
            catch (Exception e) when (RedisFaults.IsTransient(e))
            {
                if (!failing)
                {
                    failing = true;
                    RedisFeedLog.FollowFailed(_logger, e.Message);
                }
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
            wait.CancelAfter(_options.PollInterval);
            try
            {
                await _wake.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
            }
        }
    }

    private async Task ListenForNoticesAsync()
    {
        if (_noticesOn)
        {
            return;
        }

        // Registered once; the client renews it by itself after every reconnect.
        await _connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(_options.NoticeChannel), (_, _) => _wake.Writer.TryWrite(true)).ConfigureAwait(false);
        _noticesOn = true;
    }

    private async Task<string> HeadIdAsync(IDatabase database)
    {
        var newest = await database.StreamRangeAsync(_options.StreamKey, "-", "+", 1, Order.Descending).ConfigureAwait(false);
        return newest.Length == 0 ? "0-0" : newest[0].Id.ToString();
    }

    private async Task<string> OfferAfterAsync(IDatabase database, string last, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var entries = await database.StreamRangeAsync(_options.StreamKey, "(" + last, "+", Page).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                last = entry.Id.ToString();
                if (RedisEventCodec.TryFromEntry(entry, _logger) is { } stored)
                {
                    _hub.Offer(stored);
                    Offered = stored.Position;
                }
            }

            if (entries.Length < Page)
            {
                break;
            }
        }

        return last;
    }

}
