using CallMonitor.Contracts.V1;
using Grpc.Core;

namespace CallMonitor.Server.Limits;

/// <summary>
/// One call stream's slot among its caller's (<see cref="CallLimiter.EnterCall(Grpc.Core.ServerCallContext)"/>): <see cref="Read"/> puts the
/// idle timeouts and the caller's speed budget on the stream's frames; disposing gives the slot back (once).
/// </summary>
internal sealed class CallPermit : IDisposable
{
    private readonly CallLimiter _limiter;
    private readonly TokenBucket? _bucket;
    private int _released;

    public CallPermit(CallLimiter limiter, LimitKey key, TokenBucket? bucket)
    {
        _limiter = limiter;
        _bucket = bucket;
        Key = key;
    }

    public LimitKey Key { get; }

    /// <summary>The caller's speed budget (shared by its calls); null without a speed limit.</summary>
    public TokenBucket? Bucket => _bucket;

    /// <summary><paramref name="frames"/> read under this caller's limits.</summary>
    public LimitedCallReader Read(IAsyncStreamReader<CallFrame> frames) => new(frames, Key, _bucket, _limiter);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _limiter.LeaveCall(Key);
        }
    }
}
