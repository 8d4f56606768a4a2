using System.Threading.Channels;
using CallMonitor.Server.Observability;
using CallMonitor.Storage.Events;
using CallMonitor.Storage.Outbox;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using StackExchange.Redis;

namespace CallMonitor.Server.Events.Redis;

/// <summary>
/// Appends this node's events to the shared stream, in the order they were published. When Redis does not answer
/// (a circuit breaker decides how long to stop trying), events go to the node's durable outbox, and every later event
/// follows them there until the outbox has been flushed in order, so the stream never shows this node's events out
/// of order. An append is idempotent by event id: a flush repeated after a lost reply stores nothing twice.
/// </summary>
internal sealed class RedisEventAppender : IAsyncDisposable
{
    // Atomic: remember the id, append, announce. A known id returns where it was appended before.
    private const string AppendScript = """
        local known = redis.call('GET', KEYS[2])
        if known then return known end
        local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, 4))
        redis.call('SET', KEYS[2], id, 'EX', ARGV[2])
        redis.call('PUBLISH', ARGV[3], id)
        return id
        """;

    private const int FlushBatch = 200;
    private readonly IDatabase _database;
    private readonly RedisFeedOptions _options;
    private readonly SqliteEventOutbox _outbox;
    private readonly ServerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _flushing;
    private int _held;

    public RedisEventAppender(IDatabase database, RedisFeedOptions options, SqliteEventOutbox outbox, int held, ServerMetrics metrics, ILogger logger, TimeProvider time)
    {
        _database = database;
        _options = options;
        _outbox = outbox;
        _held = held;
        _metrics = metrics;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = options.BreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(RedisFaults.IsTransient),
                OnOpened = args =>
                {
                    RedisFeedLog.CircuitOpened(logger, args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    RedisFeedLog.CircuitClosed(logger);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.CommandTimeout)
            .Build();
        _flushing = Task.Run(() => FlushLoopAsync(_stop.Token));
    }

    /// <summary>Events now held in the outbox.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Appends <paramref name="record"/>; returns its position, or 0 when it was held in the outbox.</summary>
    public async Task<long> AppendAsync(EventRecord record, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_held == 0 && await TryAppendAsync(record, cancellationToken).ConfigureAwait(false) is { } position)
            {
                return position;
            }

            // Once the call's events are accepted they are not lost: the outbox write does not follow the caller's token.
            if (await _outbox.EnqueueAsync(record, CancellationToken.None).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _held);
            }

            _wake.Writer.TryWrite(true);
            return 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _flushing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _gate.Dispose();
    }

    private async Task<long?> TryAppendAsync(EventRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var position = await _pipeline.ExecuteAsync(
                async (r, token) => await AppendOnceAsync(r, token).ConfigureAwait(false), record, cancellationToken).ConfigureAwait(false);
            _metrics.EventPublished(record.Kind);
            return position;
        }
        catch (Exception e) when (RedisFaults.IsTransient(e) && !cancellationToken.IsCancellationRequested)
        {
            if (_held == 0)
            {
                RedisFeedLog.Held(_logger, record.EventId, e.Message);
            }

            return null;
        }
    }

    private async Task<long> AppendOnceAsync(EventRecord record, CancellationToken cancellationToken)
    {
        RedisValue[] values =
        [
            _options.MaxLength,
            (long)_options.EventIdRetention.TotalSeconds,
            _options.NoticeChannel,
            .. RedisEventCodec.ToFields(record),
        ];
        var reply = await _database.ScriptEvaluateAsync(AppendScript, [_options.StreamKey, _options.EventIdKey(record.EventId)], values)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return RedisStreamPositions.ToPosition(reply.ToString() ?? string.Empty);
    }

    private async Task FlushLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var flushed = 0;
            while (Held > 0 && !stop.IsCancellationRequested)
            {
                var batch = await _outbox.PeekAsync(FlushBatch, stop).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    // The count drifted from the file (it cannot, by construction, but a busy loop must not be the cost).
                    Interlocked.Exchange(ref _held, 0);
                    break;
                }

                var appended = await FlushAsync(batch, stop).ConfigureAwait(false);
                flushed += appended;
                if (appended < batch.Count)
                {
                    break;
                }
            }

            if (flushed > 0)
            {
                RedisFeedLog.Flushed(_logger, flushed);
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

    /// <summary>Appends held entries oldest first; stops at the first that Redis does not take. Returns how many went.</summary>
    private async Task<int> FlushAsync(IReadOnlyList<OutboxEntry> batch, CancellationToken stop)
    {
        var appended = 0;
        foreach (var entry in batch)
        {
            await _gate.WaitAsync(stop).ConfigureAwait(false);
            try
            {
                if (await TryAppendAsync(entry.Record, stop).ConfigureAwait(false) is null)
                {
                    return appended;
                }

                await _outbox.RemoveAsync(entry.Sequence, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Decrement(ref _held);
                appended++;
            }
            finally
            {
                _gate.Release();
            }
        }

        return appended;
    }
}
