using System.Diagnostics;
using CallMonitor.Contracts.V1;
using Grpc.Core;

namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// One Supervision.Subscribe for a team (or every team), opened before the calls start (the service sends its headers once the
/// subscription is in place), recording every violation and lifecycle event with its arrival time.
/// </summary>
internal sealed class SupervisionRecorder : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<ViolationEvent> _call;
    private readonly CancellationTokenSource _stop;
    private readonly Lock _gate = new();
    private readonly List<ReceivedViolation> _violations = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private Task _reading = Task.CompletedTask;

    private SupervisionRecorder(AsyncServerStreamingCall<ViolationEvent> call, CancellationTokenSource stop)
    {
        _call = call;
        _stop = stop;
    }

    /// <summary>Events the service said were dropped for this subscriber (FellBehind).</summary>
    public long Dropped { get; private set; }

    /// <summary>Why the subscription ended early, or null.</summary>
    public string? Error { get; private set; }

    public IReadOnlyList<ReceivedViolation> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>Calls whose report_ready lifecycle event arrived.</summary>
    public int ReportsReady
    {
        get
        {
            lock (_gate)
            {
                return _reported.Count;
            }
        }
    }

    /// <param name="team">The team to follow; null: every team.</param>
    public static async Task<SupervisionRecorder> StartAsync(Supervision.SupervisionClient client, string? team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var request = new SubscribeRequest();
        if (team is not null)
        {
            request.Teams.Add(team);
        }

        var call = client.Subscribe(request, cancellationToken: stop.Token);
        await call.ResponseHeadersAsync.ConfigureAwait(false);
        var recorder = new SupervisionRecorder(call, stop);
        recorder._reading = recorder.ReadAsync();
        return recorder;
    }

    /// <summary>Waits until <paramref name="calls"/> reports were announced, or <paramref name="timeout"/> passed.</summary>
    public async Task WaitForReportsAsync(int calls, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + CallDriver.Ticks(timeout.TotalSeconds);
        while (ReportsReady < calls && Error is null && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _reading.ConfigureAwait(false);
        _call.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var e in _call.ResponseStream.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                var now = Stopwatch.GetTimestamp();
                lock (_gate)
                {
                    switch (e.EventCase)
                    {
                        case ViolationEvent.EventOneofCase.Violation:
                            _violations.Add(new ReceivedViolation(e.Violation.CallId, e.Violation, now));
                            break;
                        case ViolationEvent.EventOneofCase.Lifecycle when e.Lifecycle.Kind == "report_ready":
                            _reported.Add(e.Lifecycle.CallId);
                            break;
                        case ViolationEvent.EventOneofCase.FellBehind:
                            Dropped += e.FellBehind.Dropped;
                            break;
                    }
                }
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && _stop.IsCancellationRequested)
        {
            // Closed by DisposeAsync.
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Closed by DisposeAsync.
        }
        catch (RpcException ex)
        {
            Error = $"{ex.StatusCode}: {ex.Status.Detail}";
        }
    }
}
