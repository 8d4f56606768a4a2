using System.Globalization;
using CallMonitor.Contracts.V1;
using CallMonitor.Server.Events;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Limits;
using CallMonitor.Server.Logging;
using CallMonitor.Server.Observability;
using CallMonitor.Storage.Events;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Supervision;

/// <summary>
/// Supervision.Subscribe: violations and call lifecycle events for the teams, agents and calls a supervisor asks for.
/// The subscription first replays the stored events after the requested position, then follows live ones, each once
/// and in position order. A subscriber that does not keep up is sent FellBehind with the position to resume after, and
/// the stream ends; calls and other subscribers are never slowed by it.
/// </summary>
public sealed class SupervisionService : Contracts.V1.Supervision.SupervisionBase
{
    /// <summary>Response header holding the position the subscription starts after.</summary>
    public const string StartAfterHeader = "callmonitor-start-after";

    private const int ReplayPage = 500;
    private readonly IEventFeed _feed;
    private readonly ServerOptions _options;
    private readonly ServerMetrics _metrics;
    private readonly CallLimiter _limits;
    private readonly ILogger<SupervisionService> _logger;

    public SupervisionService(IEventFeed feed, ServerOptions options, ServerMetrics metrics, CallLimiter limits, ILogger<SupervisionService> logger)
    {
        _feed = feed;
        _options = options;
        _metrics = metrics;
        _limits = limits;
        _logger = logger;
    }

    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<ViolationEvent> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var filter = SubscriptionFilter.From(request, context);
        using var slot = _limits.EnterSubscription(context);
        using var live = _feed.Subscribe(filter, _options.SubscriberQueueCapacity);
        _metrics.SubscriberOpened();
        try
        {
            var head = await _feed.GetHeadPositionAsync(cancellationToken).ConfigureAwait(false);
            var last = request.SinceStart ? 0 : request.AfterPosition > 0 ? request.AfterPosition : head;
            if (last > head)
            {
                throw new RpcException(new Status(
                    StatusCode.OutOfRange, $"position {last} is beyond the newest event ({head}): resume from a position this service sent"));
            }

            // Headers now, with where the stream starts: the client knows the subscription is in place and where to
            // resume should the stream break before the first event.
            await context.WriteResponseHeadersAsync(new Metadata { { StartAfterHeader, last.ToString(CultureInfo.InvariantCulture) } }).ConfigureAwait(false);
            ServerLog.Subscribed(_logger, context.Peer, last);
            last = await ReplayAsync(filter, last, responseStream, cancellationToken).ConfigureAwait(false);
            await FollowAsync(live, last, responseStream, context).ConfigureAwait(false);
        }
        catch (EventFeedUnavailableException e)
        {
            // The shared log is down: the client retries (on this node or another) from the last position it got.
            throw new RpcException(new Status(StatusCode.Unavailable, e.Message));
        }
        finally
        {
            _metrics.SubscriberClosed(live.Dropped);
        }
    }

    private async Task<long> ReplayAsync(EventFilter filter, long last, IServerStreamWriter<ViolationEvent> responseStream, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await _feed.ReadAfterAsync(last, filter, ReplayPage, cancellationToken).ConfigureAwait(false);
            foreach (var stored in page)
            {
                await responseStream.WriteAsync(EventRecords.ToWire(stored), cancellationToken).ConfigureAwait(false);
                last = stored.Position;
            }

            if (page.Count < ReplayPage)
            {
                return last;
            }
        }
    }

    private async Task FollowAsync(LiveSubscription live, long last, IServerStreamWriter<ViolationEvent> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        while (await live.Events.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (live.Events.TryRead(out var stored))
            {
                // Events stored while the past was replayed arrive both ways: the replay sent them already.
                if (stored.Position <= last)
                {
                    continue;
                }

                await responseStream.WriteAsync(EventRecords.ToWire(stored), cancellationToken).ConfigureAwait(false);
                last = stored.Position;
            }

            // The queue is drained and everything dropped came after it: resuming after `last` misses nothing.
            if (live.Dropped > 0)
            {
                ServerLog.SubscriberBehind(_logger, context.Peer, last, live.Dropped);
                await responseStream.WriteAsync(new ViolationEvent { Position = last, FellBehind = new FellBehind { ResumeAfter = last, Dropped = live.Dropped } }, cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
        }
    }
}
