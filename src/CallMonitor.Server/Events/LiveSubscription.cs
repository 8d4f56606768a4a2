using System.Threading.Channels;
using CallMonitor.Storage.Events;

namespace CallMonitor.Server.Events;

/// <summary>
/// One subscriber's share of the live fan-out: its own bounded queue, filled without ever waiting. When the subscriber
/// does not keep up, new events are dropped for it alone (counted in <see cref="Dropped"/>); everything already queued
/// precedes every dropped event, so the subscriber resumes exactly after the last event it took.
/// </summary>
public sealed class LiveSubscription : IDisposable
{
    private readonly Channel<StoredEvent> _queue;
    private readonly Action<LiveSubscription> _remove;
    private long _dropped;

    internal LiveSubscription(EventFilter filter, int capacity, Action<LiveSubscription> remove)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Filter = filter;
        _remove = remove;
        _queue = Channel.CreateBounded<StoredEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public EventFilter Filter { get; }

    /// <summary>Events in position order.</summary>
    public ChannelReader<StoredEvent> Events => _queue.Reader;

    /// <summary>Events not queued because the queue was full. Once above 0 nothing more is queued.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Raised (on the publisher's thread) the first time an event is dropped.</summary>
    internal event Action? FellBehind;

    /// <summary>Queues <paramref name="e"/> when it passes the filter; never waits.</summary>
    internal void Offer(StoredEvent e)
    {
        if (!Filter.Matches(e.Record))
        {
            return;
        }

        // After the first drop nothing more is queued: a later event slipping into a freed slot would leave a hole.
        if (Interlocked.Read(ref _dropped) == 0 && _queue.Writer.TryWrite(e))
        {
            return;
        }

        if (Interlocked.Increment(ref _dropped) == 1)
        {
            FellBehind?.Invoke();
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _remove(this);
    }
}
