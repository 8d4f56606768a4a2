using System.Collections.Immutable;
using CallMonitor.Server.Observability;
using CallMonitor.Storage.Events;

namespace CallMonitor.Server.Events;

/// <summary>
/// The one-machine feed: events go to the embedded event log, then to every live subscriber of this process.
/// Appends are taken one at a time, so subscribers see positions in increasing order (a later append can never be
/// offered before an earlier one).
/// </summary>
public sealed class LocalEventFeed : IEventFeed, IDisposable
{
    private readonly IEventLog _log;
    private readonly ServerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _appending = new(1, 1);
    private ImmutableArray<LiveSubscription> _subscribers = [];
    private long _lastOffered;

    public LocalEventFeed(IEventLog log, ServerMetrics metrics, TimeProvider? time = null)
    {
        _log = log;
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
    }

    public async Task<long> PublishAsync(EventRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _appending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var position = await _log.AppendAsync(record, cancellationToken).ConfigureAwait(false);
            if (position > _lastOffered)
            {
                // A repeated event id returns the earlier position: it was offered then, and is not offered twice.
                _lastOffered = position;
                var stored = new StoredEvent(position, record, _time.GetUtcNow());
                foreach (var subscriber in _subscribers)
                {
                    subscriber.Offer(stored);
                }

                _metrics.EventPublished(record.Kind);
            }

            return position;
        }
        finally
        {
            _appending.Release();
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long afterPosition, EventFilter filter, int limit, CancellationToken cancellationToken) =>
        _log.ReadAfterAsync(afterPosition, filter, limit, cancellationToken);

    public Task<long> GetHeadPositionAsync(CancellationToken cancellationToken) => _log.GetHeadPositionAsync(cancellationToken);

    public LiveSubscription Subscribe(EventFilter filter, int capacity)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var subscription = new LiveSubscription(filter, capacity, Remove);
        subscription.FellBehind += _metrics.SubscriberFellBehind;
        ImmutableInterlocked.Update(ref _subscribers, (all, added) => all.Add(added), subscription);
        return subscription;
    }

    public void Dispose() => _appending.Dispose();

    private void Remove(LiveSubscription subscription) =>
        ImmutableInterlocked.Update(ref _subscribers, (all, removed) => all.Remove(removed), subscription);
}
