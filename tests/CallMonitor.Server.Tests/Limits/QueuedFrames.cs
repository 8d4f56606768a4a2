using CallMonitor.Contracts.V1;
using Grpc.Core;

namespace CallMonitor.Server.Tests.Limits;

/// <summary>A request stream fed by the test: a read waits (cancellably) until the test adds a frame or completes it.</summary>
internal sealed class QueuedFrames : IAsyncStreamReader<CallFrame>
{
    private readonly System.Threading.Channels.Channel<CallFrame> _frames = System.Threading.Channels.Channel.CreateUnbounded<CallFrame>();

    public CallFrame Current { get; private set; } = null!;

    /// <summary>Reads asked for so far.</summary>
    public int Reads { get; private set; }

    public void Add(params CallFrame[] frames)
    {
        foreach (var frame in frames)
        {
            _frames.Writer.TryWrite(frame);
        }
    }

    public void Complete() => _frames.Writer.TryComplete();

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        Reads++;
        if (!await _frames.Reader.WaitToReadAsync(cancellationToken))
        {
            return false;
        }

        _frames.Reader.TryRead(out var frame);
        Current = frame!;
        return true;
    }
}
