namespace CallMonitor.Storage.Events;

/// <summary>
/// The ordered, durable log that live subscriptions read and resume from. Positions start at 1, increase by one per
/// stored event in commit order, and never have gaps, so "everything after position P" is exact.
/// </summary>
public interface IEventLog
{
    /// <summary>Largest number of events one read returns.</summary>
    const int MaxReadLimit = 10_000;

    /// <summary>
    /// Appends an event and returns its position. When an event with the same <see cref="EventRecord.EventId"/> is
    /// already stored, nothing is written and the stored event's position is returned.
    /// </summary>
    Task<long> AppendAsync(EventRecord record, CancellationToken cancellationToken = default);

    /// <summary>Events with a position greater than <paramref name="afterPosition"/> that pass the filter, in position order.</summary>
    /// <param name="limit">1 .. <see cref="MaxReadLimit"/>.</param>
    Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long afterPosition, EventFilter filter, int limit, CancellationToken cancellationToken = default);

    /// <summary>Position of the last stored event; 0 when the log is empty.</summary>
    Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default);
}
