using System.Globalization;
using CallMonitor.Contracts.V1;
using Grpc.Core;
using Polly;
using Polly.Retry;

namespace CallMonitor.Cli.Client;

/// <summary>
/// Plays a supervisor console over Supervision.Subscribe: prints each event as a JSON line and keeps the subscription
/// alive. A FellBehind notice is printed and answered by subscribing again after the last position printed; a lost
/// connection (Unavailable) is retried with jittered exponential backoff (at most <see cref="WatchOptions.MaxRetryDelay"/>
/// apart), resuming the same way. A <see cref="SubscriptionCursor"/> keeps every event printed once, in order.
/// </summary>
public sealed class SupervisionWatcher
{
    private readonly Supervision.SupervisionClient _client;
    private readonly Metadata _headers;
    private readonly JsonLineWriter _output;
    private readonly TextWriter _diagnostics;
    private readonly TimeProvider _time;

    public SupervisionWatcher(Supervision.SupervisionClient client, Metadata headers, JsonLineWriter output, TextWriter diagnostics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _headers = headers;
        _output = output;
        _diagnostics = diagnostics;
        _time = time;
    }

    /// <summary>Subscriptions opened so far (the first plus every resume).</summary>
    public int Subscriptions { get; private set; }

    /// <summary>Events printed so far.</summary>
    public int Printed { get; private set; }

    /// <summary>Watches until <paramref name="options"/> says to stop or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="RpcException">A failure that retrying cannot mend (Unauthenticated, PermissionDenied, InvalidArgument...).</exception>
    public async Task<WatchStop> RunAsync(WatchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cursor = new SubscriptionCursor(options.Filters, options.AfterPosition, options.SinceStart);
        var retry = BuildRetry(options);
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        ResetIdle(idle, options);
        try
        {
            while (true)
            {
                var next = await retry.ExecuteAsync(token => SubscribeOnceAsync(cursor, options, idle, token), stop.Token).ConfigureAwait(false);
                if (next == Step.Done)
                {
                    return WatchStop.CountReached;
                }
            }
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return WatchStop.Idle;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return WatchStop.Cancelled;
        }
    }

    /// <summary>
    /// The connection failed rather than the server refusing: Unavailable (refused, reset, server gone), or Internal
    /// caused by the transport (an HTTP/2 stream reset by the server or a proxy), never an Internal the service raised.
    /// </summary>
    private static bool IsTransient(RpcException e) =>
        e.StatusCode == StatusCode.Unavailable
        || (e.StatusCode == StatusCode.Internal && e.Status.DebugException is HttpProtocolException or IOException);

    private static void ResetIdle(CancellationTokenSource idle, WatchOptions options)
    {
        if (options.UntilIdle is { } limit)
        {
            idle.CancelAfter(limit);
        }
    }

    private ResiliencePipeline<Step> BuildRetry(WatchOptions options) => new ResiliencePipelineBuilder<Step> { TimeProvider = _time }
        .AddRetry(new RetryStrategyOptions<Step>
        {
            ShouldHandle = new PredicateBuilder<Step>().Handle<RpcException>(IsTransient).Handle<SubscriptionClosedException>(),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryDelay,
            MaxDelay = options.MaxRetryDelay,
            OnRetry = args =>
            {
                var reason = args.Outcome.Exception is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : args.Outcome.Exception?.Message;
                _diagnostics.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"callmonitor watch: subscription lost ({reason}); retry {args.AttemptNumber + 1} in {args.RetryDelay.TotalSeconds:0.0} s"));
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <summary>One subscription: prints what it receives until the stream ends, fails, falls behind or the count is reached.</summary>
    private async ValueTask<Step> SubscribeOnceAsync(SubscriptionCursor cursor, WatchOptions options, CancellationTokenSource idle, CancellationToken cancellationToken)
    {
        var request = cursor.NextRequest();
        Subscriptions++;
        using var call = _client.Subscribe(request, _headers, cancellationToken: cancellationToken);
        var progressed = false;
        try
        {
            var headers = await call.ResponseHeadersAsync.ConfigureAwait(false);
            if (long.TryParse(headers.GetValue("callmonitor-start-after"), NumberStyles.None, CultureInfo.InvariantCulture, out var startAfter))
            {
                cursor.Started(startAfter);
            }

            await foreach (var e in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (e.EventCase == ViolationEvent.EventOneofCase.FellBehind)
                {
                    var resumeAfter = cursor.FellBehind(e.FellBehind);
                    EventLines.WriteFellBehind(_output, e.FellBehind, resumeAfter);
                    return Step.Resubscribe;
                }

                if (!cursor.Take(e))
                {
                    continue;
                }

                progressed = true;
                EventLines.Write(_output, e);
                Printed++;
                ResetIdle(idle, options);
                if (options.Count is { } count && Printed >= count)
                {
                    return Step.Done;
                }
            }
        }
        catch (RpcException e) when (progressed && IsTransient(e))
        {
            // The connection worked and then dropped: reconnect at once; the backoff is for a server that stays away.
            _diagnostics.WriteLine($"callmonitor watch: subscription lost ({e.StatusCode}: {e.Status.Detail}); resuming after position {cursor.LastPosition}");
            return Step.Resubscribe;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the subscription was stopped", e, cancellationToken);
        }

        if (progressed)
        {
            return Step.Resubscribe;
        }

        throw new SubscriptionClosedException("the server closed the subscription without sending an event");
    }

    private enum Step
    {
        Resubscribe,
        Done,
    }
}
