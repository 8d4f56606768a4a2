using CallMonitor.Contracts.V1;
using Grpc.Core;

namespace CallMonitor.Server.Tests.Support;

/// <summary>A supervisor subscription read in the background, its events collected as they arrive.</summary>
public sealed class Subscription : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<ViolationEvent> _call;
    private readonly CancellationTokenSource _stop;
    private readonly Task _reading;
    private readonly List<ViolationEvent> _events = [];
    private readonly Lock _gate = new();

    private Subscription(AsyncServerStreamingCall<ViolationEvent> call, CancellationTokenSource stop)
    {
        _call = call;
        _stop = stop;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Events received so far, in arrival order.</summary>
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

    /// <summary>How many events have arrived so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>The status the stream ended with, once it ended.</summary>
    public Exception? Error { get; private set; }

    public bool Ended => _reading.IsCompleted;

    public static Subscription Open(Contracts.V1.Supervision.SupervisionClient client, SubscribeRequest request, CancellationToken cancellationToken, Metadata? headers = null)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        return new Subscription(client.Subscribe(request, headers, cancellationToken: stop.Token), stop);
    }

    /// <summary>Waits until an event satisfying <paramref name="condition"/> has arrived (or the stream ended), then returns all events so far.</summary>
    public async Task<IReadOnlyList<ViolationEvent>> UntilAsync(Func<ViolationEvent, bool> condition, CancellationToken cancellationToken)
    {
        while (!Events.Any(condition) && !Ended)
        {
            await Task.Delay(20, cancellationToken);
        }

        return Events;
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
