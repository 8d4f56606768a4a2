using CallMonitor.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace CallMonitor.Cli.Tests.Serve.MultiNode;

/// <summary>A supervisor's subscription on one node, read in the background; the events it got, in arrival order.</summary>
internal sealed class NodeSubscription : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly AsyncServerStreamingCall<ViolationEvent> _call;
    private readonly CancellationTokenSource _stop;
    private readonly Task _reading;
    private readonly List<ViolationEvent> _events = [];
    private readonly Lock _gate = new();

    private NodeSubscription(Uri node, SubscribeRequest request, CancellationToken cancellationToken)
    {
        _channel = GrpcChannel.ForAddress(node);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _call = new Supervision.SupervisionClient(_channel).Subscribe(request, cancellationToken: _stop.Token);
        _reading = Task.Run(ReadAsync, CancellationToken.None);
    }

    public IReadOnlyList<ViolationEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>How the stream ended, if it ended other than by <see cref="DisposeAsync"/>.</summary>
    public Exception? Error { get; private set; }

    public static NodeSubscription Open(Uri node, SubscribeRequest request, CancellationToken cancellationToken) => new(node, request, cancellationToken);

    /// <summary>Waits (bounded) until an event passes <paramref name="condition"/>; false when the time ran out.</summary>
    public async Task<bool> WaitForAsync(Func<ViolationEvent, bool> condition, TimeSpan within, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Events.Any(condition))
        {
            if (DateTime.UtcNow > deadline || _reading.IsCompleted)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
        }

        _call.Dispose();
        _channel.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var e in _call.ResponseStream.ReadAllAsync(_stop.Token))
            {
                lock (_gate)
                {
                    _events.Add(e);
                }
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && _stop.IsCancellationRequested)
        {
        }
        catch (RpcException e)
        {
            Error = e;
        }
    }
}
