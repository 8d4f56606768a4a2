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
    private readonly SubscriberHub _hub;
    private long _lastOffered;

    public LocalEventFeed(IEventLog log, ServerMetrics metrics, TimeProvider? time = null)
    {
        _log = log;
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
        _hub = new SubscriberHub(metrics);
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
                _hub.Offer(new StoredEvent(position, record, _time.GetUtcNow()));

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

    public LiveSubscription Subscribe(EventFilter filter, int capacity) => _hub.Subscribe(filter, capacity);

    public void Dispose() => _appending.Dispose();
}
