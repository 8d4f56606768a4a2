using System.Collections.Immutable;
using CallMonitor.Server.Observability;
using CallMonitor.Storage.Events;

namespace CallMonitor.Server.Events;

/// <summary>
/// This process's live subscribers and the fan-out to them. The feed that owns the hub offers stored events in
/// position order, one at a time; each subscriber keeps those that pass its filter in its own bounded queue.
/// </summary>
public sealed class SubscriberHub
{
    private readonly ServerMetrics _metrics;
    private ImmutableArray<LiveSubscription> _subscribers = [];

    public SubscriberHub(ServerMetrics metrics) => _metrics = metrics;

    /// <summary>Subscribers now registered.</summary>
    public int Count => _subscribers.Length;

    /// <summary>Registers a subscriber for events offered from now on.</summary>
    public LiveSubscription Subscribe(EventFilter filter, int capacity)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var subscription = new LiveSubscription(filter, capacity, Remove);
        subscription.FellBehind += _metrics.SubscriberFellBehind;
        ImmutableInterlocked.Update(ref _subscribers, (all, added) => all.Add(added), subscription);
        return subscription;
    }

    /// <summary>Offers <paramref name="stored"/> to every subscriber; never waits. Callers offer in position order.</summary>
    public void Offer(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var subscriber in _subscribers)
        {
            subscriber.Offer(stored);
        }
    }

    private void Remove(LiveSubscription subscription) =>
        ImmutableInterlocked.Update(ref _subscribers, (all, removed) => all.Remove(removed), subscription);
}
