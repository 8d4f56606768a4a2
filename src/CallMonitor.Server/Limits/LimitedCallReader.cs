using CallMonitor.Contracts.V1;
using CallMonitor.Server.Calls;
using Grpc.Core;

namespace CallMonitor.Server.Limits;

/// <summary>
/// A call's frames read under its caller's limits. Each read waits for the client at most
/// <see cref="CallLimitOptions.StartTimeout"/> (before <see cref="Started"/>) or <see cref="CallLimitOptions.IdleTimeout"/>
/// (after), then ends the stream with DeadlineExceeded. A frame is charged to the caller's speed budget when the next one
/// is asked for, that is once the call has accepted it (a frame the call refused costs nothing); while the budget is in
/// debt the next frame is not read, so HTTP/2 flow control holds the client back and nothing is lost.
/// </summary>
internal sealed class LimitedCallReader : IAsyncStreamReader<CallFrame>
{
    private readonly IAsyncStreamReader<CallFrame> _frames;
    private readonly LimitKey _key;
    private readonly TokenBucket? _bucket;
    private readonly CallLimiter _limiter;
    private CallTimeline? _timeline;
    private string? _callId;
    private bool _unpaid;
    private bool _slowed;

    public LimitedCallReader(IAsyncStreamReader<CallFrame> frames, LimitKey key, TokenBucket? bucket, CallLimiter limiter)
    {
        _frames = frames;
        _key = key;
        _bucket = bucket;
        _limiter = limiter;
    }

    public CallFrame Current => _frames.Current;

    /// <summary>The call's CallStart was accepted: frames from now on are charged by how far they move <paramref name="start"/>'s timeline.</summary>
    public void Started(CallStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        _timeline = new CallTimeline(start.Format);
        _callId = start.CallId;
    }

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_unpaid && _timeline is not null && _bucket is not null)
        {
            _unpaid = false;
            var wait = _bucket.Take(_timeline.Advance(_frames.Current));
            if (wait > TimeSpan.Zero)
            {
                Slowed();
                await Task.Delay(wait, _limiter.Time, cancellationToken).ConfigureAwait(false);
            }
        }

        var timeout = _timeline is null ? _limiter.Options.StartTimeout : _limiter.Options.IdleTimeout;
        var more = timeout == TimeSpan.Zero
            ? await _frames.MoveNext(cancellationToken).ConfigureAwait(false)
            : await MoveNextWithinAsync(timeout, cancellationToken).ConfigureAwait(false);
        _unpaid = more;
        return more;
    }

    private async Task<bool> MoveNextWithinAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, _limiter.Time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await _frames.MoveNext(either.Token).ConfigureAwait(false);
        }
        catch (Exception) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Idle(timeout);
        }
    }

    private RpcException Idle(TimeSpan timeout)
    {
        var seconds = timeout.TotalSeconds;
        LimitsLog.Idle(_limiter.Logger, _key.Label, _callId ?? "(no CallStart)", seconds);
        _limiter.Metrics.LimitApplied("idle");
        var message = _callId is null
            ? $"no CallStart within {seconds:0.#} s of opening the stream, so it was closed: send CallStart as the first frame at once"
            : $"call {_callId}: no frame for {seconds:0.#} s, so the stream was closed and what was analysed is kept as a partial report; "
              + $"keep sending audio (silence too) and end with CallEnd, or raise the limit (--idle-timeout, 0 for none)";
        return new RpcException(new Status(StatusCode.DeadlineExceeded, message));
    }

    private void Slowed()
    {
        if (!_slowed)
        {
            _slowed = true;
            _limiter.Metrics.LimitApplied("throttled");
            LimitsLog.Throttled(_limiter.Logger, _key.Label, _callId ?? "(no CallStart)", _limiter.Options.MaxSpeed);
        }
    }
}
