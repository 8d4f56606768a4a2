using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CallMonitor.Storage.Events;

namespace CallMonitor.Server.Observability;

/// <summary>
/// The service's .NET meters (meter <see cref="MeterName"/>), readable with dotnet-counters, OpenTelemetry or a
/// MeterListener: calls in progress, how far analysis is behind the audio, alert latency, subscriber drops.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "CallMonitor.Server";

    private readonly Meter _meter;
    private readonly ConcurrentDictionary<string, Func<TimeSpan>> _backlogs = new();
    private readonly UpDownCounter<long> _callsInProgress;
    private readonly Counter<long> _callsStarted;
    private readonly Counter<long> _callsRejected;
    private readonly Counter<double> _audioSeconds;
    private readonly Histogram<double> _alertLatency;
    private readonly UpDownCounter<long> _subscribers;
    private readonly Counter<long> _subscribersBehind;
    private readonly Counter<long> _droppedEvents;
    private readonly Counter<long> _eventsPublished;
    private readonly Counter<long> _limited;
    private Func<int>? _heldEvents;

    public ServerMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _callsInProgress = _meter.CreateUpDownCounter<long>("callmonitor.calls.in_progress", "{call}", "Calls being streamed and analysed now");
        _callsStarted = _meter.CreateCounter<long>("callmonitor.calls.started", "{call}", "Calls accepted");
        _callsRejected = _meter.CreateCounter<long>("callmonitor.calls.rejected", "{call}", "Call streams refused or ended by an error, by gRPC status");
        _audioSeconds = _meter.CreateCounter<double>("callmonitor.audio.received", "s", "Seconds of call audio received");
        _meter.CreateObservableGauge("callmonitor.analysis.behind", ObserveBacklog, "s", "How far analysis is behind the received audio: the call furthest behind");
        _alertLatency = _meter.CreateHistogram<double>(
            "callmonitor.alert.latency", "s", "From the arrival of the audio a violation ends at to the violation being sent");
        _subscribers = _meter.CreateUpDownCounter<long>("callmonitor.subscribers.active", "{subscriber}", "Open supervisor subscriptions");
        _subscribersBehind = _meter.CreateCounter<long>("callmonitor.subscribers.fell_behind", "{subscriber}", "Subscriptions told they fell behind");
        _droppedEvents = _meter.CreateCounter<long>(
            "callmonitor.subscribers.dropped_events", "{event}", "Events not queued for a subscriber that did not keep up (it resumes from the log)");
        _eventsPublished = _meter.CreateCounter<long>("callmonitor.events.published", "{event}", "Events appended to the event log, by kind");
        _meter.CreateObservableGauge(
            "callmonitor.events.held", () => _heldEvents?.Invoke() ?? 0, "{event}", "Events waiting in this node's outbox for the shared event stream (Redis down)");
        _limited = _meter.CreateCounter<long>("callmonitor.limits.applied", "{stream}", "Streams refused (over the per-key count), ended idle, or slowed (over the speed budget), by limit");
    }

    /// <summary>Where the held-events gauge reads from (the multi-node feed's outbox).</summary>
    public void ObserveHeldEvents(Func<int> held) => _heldEvents = held;

    /// <summary>A call started; <paramref name="backlog"/> is read whenever the analysis-behind gauge is observed.</summary>
    public void CallStarted(string callId, Func<TimeSpan> backlog)
    {
        _callsStarted.Add(1);
        _callsInProgress.Add(1);
        _backlogs[callId] = backlog;
    }

    public void CallEnded(string callId)
    {
        if (_backlogs.TryRemove(callId, out _))
        {
            _callsInProgress.Add(-1);
        }
    }

    public void CallRejected(string status) => _callsRejected.Add(1, new KeyValuePair<string, object?>("status", status));

    public void AudioReceived(TimeSpan audio) => _audioSeconds.Add(audio.TotalSeconds);

    public void AlertSent(TimeSpan latency, string type) =>
        _alertLatency.Record(latency.TotalSeconds, new KeyValuePair<string, object?>("type", type));

    public void SubscriberOpened() => _subscribers.Add(1);

    public void SubscriberClosed(long dropped)
    {
        _subscribers.Add(-1);
        if (dropped > 0)
        {
            _droppedEvents.Add(dropped);
        }
    }

    public void SubscriberFellBehind() => _subscribersBehind.Add(1);

    public void EventPublished(EventKind kind) =>
        _eventsPublished.Add(1, new KeyValuePair<string, object?>("kind", EventKinds.WireName(kind)));

    /// <summary>A per-key limit acted: <paramref name="limit"/> is refused_call, refused_subscription, idle or throttled.</summary>
    public void LimitApplied(string limit) => _limited.Add(1, new KeyValuePair<string, object?>("limit", limit));

    public void Dispose() => _meter.Dispose();

    // The worst call, not one series per call id: call ids would make the metric's cardinality unbounded.
    private double ObserveBacklog() => _backlogs.Values.Select(b => b().TotalSeconds).DefaultIfEmpty(0).Max();
}
