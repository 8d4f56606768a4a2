using CallMonitor.Server.Observability;
using CallMonitor.Server.Security;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Limits;

/// <summary>
/// The per-key limits of <see cref="CallLimitOptions"/>, shared by every stream of the service: how many call and
/// subscription streams each caller has open, and each caller's speed budget (a <see cref="TokenBucket"/>). A caller
/// with nothing open and a full bucket is forgotten, so the table stays as large as the set of active callers.
/// </summary>
public sealed class CallLimiter
{
    private const int FirstSweep = 1024;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, KeyState> _keys = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _sweepAt = FirstSweep;

    /// <exception cref="ArgumentOutOfRangeException">Invalid <paramref name="options"/>.</exception>
    public CallLimiter(CallLimitOptions options, TimeProvider time, ServerMetrics metrics, ILogger<CallLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        Options = options;
        _time = time;
        Metrics = metrics;
        Logger = logger;
    }

    public CallLimitOptions Options { get; }

    internal ServerMetrics Metrics { get; }

    internal ILogger Logger { get; }

    internal TimeProvider Time => _time;

    /// <summary>Takes a call slot for the caller of <paramref name="context"/>; dispose the permit when the stream ends, however it ends.</summary>
    /// <exception cref="RpcException">ResourceExhausted: the caller has <see cref="CallLimitOptions.MaxCallsPerKey"/> call streams open.</exception>
    internal CallPermit EnterCall(ServerCallContext context) => EnterCall(KeyOf(context));

    /// <exception cref="RpcException">ResourceExhausted: <paramref name="key"/> has <see cref="CallLimitOptions.MaxCallsPerKey"/> call streams open.</exception>
    internal CallPermit EnterCall(LimitKey key) => new(this, key, Enter(key, StreamKind.Call).Bucket);

    /// <summary>Takes a subscription slot for the caller of <paramref name="context"/>; dispose the result when the stream ends.</summary>
    /// <exception cref="RpcException">ResourceExhausted: the caller has <see cref="CallLimitOptions.MaxSubscriptionsPerKey"/> subscriptions open.</exception>
    internal IDisposable EnterSubscription(ServerCallContext context) => EnterSubscription(KeyOf(context));

    /// <exception cref="RpcException">ResourceExhausted: <paramref name="key"/> has <see cref="CallLimitOptions.MaxSubscriptionsPerKey"/> subscriptions open.</exception>
    internal IDisposable EnterSubscription(LimitKey key)
    {
        Enter(key, StreamKind.Subscription);
        return new Release(() => Leave(key, StreamKind.Subscription));
    }

    /// <summary>Call streams <paramref name="key"/> has open now.</summary>
    internal int OpenCalls(string key)
    {
        lock (_gate)
        {
            return _keys.TryGetValue(key, out var state) ? state.Calls : 0;
        }
    }

    /// <summary>Subscriptions <paramref name="key"/> has open now.</summary>
    internal int OpenSubscriptions(string key)
    {
        lock (_gate)
        {
            return _keys.TryGetValue(key, out var state) ? state.Subscriptions : 0;
        }
    }

    /// <summary>Seconds of call time charged to <paramref name="key"/>'s speed budget since it was last forgotten; 0 without a speed limit.</summary>
    internal double Charged(string key)
    {
        lock (_gate)
        {
            return _keys.TryGetValue(key, out var state) ? state.Bucket?.Taken ?? 0 : 0;
        }
    }

    internal void LeaveCall(LimitKey key) => Leave(key, StreamKind.Call);

    private static LimitKey KeyOf(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return LimitKey.For(CallerIdentity.Of(context), context.Peer);
    }

    private KeyState Enter(LimitKey key, StreamKind kind)
    {
        var limit = kind == StreamKind.Call ? Options.MaxCallsPerKey : Options.MaxSubscriptionsPerKey;
        lock (_gate)
        {
            if (!_keys.TryGetValue(key.Id, out var state))
            {
                Sweep();
                var bucket = Options.MaxSpeed > 0 ? new TokenBucket(Options.MaxSpeed, Options.SpeedBurst.TotalSeconds, _time) : null;
                state = new KeyState(bucket);
                _keys[key.Id] = state;
            }

            ref var open = ref kind == StreamKind.Call ? ref state.Calls : ref state.Subscriptions;
            if (limit > 0 && open >= limit)
            {
                LimitsLog.Refused(Logger, kind == StreamKind.Call ? "call" : "subscription", key.Label, limit);
                Metrics.LimitApplied(kind == StreamKind.Call ? "refused_call" : "refused_subscription");
                throw new RpcException(new Status(StatusCode.ResourceExhausted, kind == StreamKind.Call
                    ? $"{key.Label} already has {limit} call streams open, the most one caller may have: end a call first, or raise the limit (--max-calls-per-key, 0 for none)"
                    : $"{key.Label} already has {limit} subscriptions open, the most one caller may have: close one first, or raise the limit (--max-subscriptions-per-key, 0 for none)"));
            }

            open++;
            if (kind == StreamKind.Call)
            {
                // Every open call is owed real time on top of the budget: live calls are never slowed, whatever their number.
                state.Bucket?.AdjustRate(1);
            }

            return state;
        }
    }

    private void Leave(LimitKey key, StreamKind kind)
    {
        lock (_gate)
        {
            if (!_keys.TryGetValue(key.Id, out var state))
            {
                return;
            }

            ref var open = ref kind == StreamKind.Call ? ref state.Calls : ref state.Subscriptions;
            if (open > 0 && kind == StreamKind.Call)
            {
                state.Bucket?.AdjustRate(-1);
            }

            open = Math.Max(0, open - 1);
            if (state.IsForgettable)
            {
                _keys.Remove(key.Id);
            }
        }
    }

    /// <summary>Forgets callers with nothing open whose bucket has refilled; runs when the table has doubled since the last sweep.</summary>
    private void Sweep()
    {
        if (_keys.Count < _sweepAt)
        {
            return;
        }

        foreach (var id in _keys.Where(k => k.Value.IsForgettable).Select(k => k.Key).ToList())
        {
            _keys.Remove(id);
        }

        _sweepAt = Math.Max(FirstSweep, 2 * _keys.Count);
    }

    private enum StreamKind
    {
        Call,
        Subscription,
    }

    private sealed class KeyState(TokenBucket? bucket)
    {
        public int Calls;
        public int Subscriptions;

        public TokenBucket? Bucket { get; } = bucket;

        /// <summary>Nothing open and no debt to remember: a caller who comes back starts afresh and loses nothing.</summary>
        public bool IsForgettable => Calls == 0 && Subscriptions == 0 && (Bucket is null || Bucket.IsFull);
    }

    private sealed class Release(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
