using CallMonitor.Storage.Events;

namespace CallMonitor.Server.Events;

/// <summary>
/// The ordered event stream supervisors read: a durable log with positions (resume reads it) and a live fan-out of
/// what was just appended (subscriptions read that). One machine: the embedded log plus an in-process hub; several
/// nodes: a shared log that every node reads.
/// </summary>
public interface IEventFeed
{
    /// <summary>Stores <paramref name="record"/> (idempotent by event id), then offers it to live subscribers. Returns its position.</summary>
    Task<long> PublishAsync(EventRecord record, CancellationToken cancellationToken);

    /// <summary>Stored events after <paramref name="afterPosition"/> that pass <paramref name="filter"/>, in position order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long afterPosition, EventFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>Position of the newest stored event (0 when none).</summary>
    Task<long> GetHeadPositionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts receiving events published from now on that pass <paramref name="filter"/>, into a queue of
    /// <paramref name="capacity"/> events. Subscribe before reading the stored past so nothing falls between the two.
    /// </summary>
    LiveSubscription Subscribe(EventFilter filter, int capacity);
}
