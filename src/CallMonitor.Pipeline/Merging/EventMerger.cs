using CallMonitor.Domain.Events;

namespace CallMonitor.Pipeline.Merging;

/// <summary>
/// Merges the events of several sources (the acoustic session, each recognizer of each channel) into one stream in
/// order of the audio time at which each event is complete (its end). Every source reports a watermark, the audio
/// time up to which it has heard its input; an event is released once every open source has passed its end, so a
/// slow engine holds the stream back instead of being overtaken. An event that arrives after later ones were
/// released (an engine that decides late, such as a recognizer's final result after its endpoint) is released at
/// once: the stream never waits for it and never drops it. Not thread-safe: one merge loop owns it.
/// </summary>
internal sealed class EventMerger
{
    private readonly PriorityQueue<CallEvent, (TimeSpan End, TimeSpan Start, long Sequence)> _pending = new();
    private readonly List<TimeSpan> _watermarks = [];
    private long _sequence;

    /// <summary>Number of events that arrived after the stream had moved past their end.</summary>
    public int LateEvents { get; private set; }

    /// <summary>The audio time up to which every open source has heard its input.</summary>
    public TimeSpan Horizon => _watermarks.Count == 0 ? TimeSpan.MaxValue : _watermarks.Min();

    /// <summary>Registers a source that starts at the beginning of the call; returns its index.</summary>
    public int AddSource()
    {
        _watermarks.Add(TimeSpan.Zero);
        return _watermarks.Count - 1;
    }

    /// <summary>Adds events of any source (or of none: supplied transcripts and call events).</summary>
    public void Add(IEnumerable<CallEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var horizon = Horizon;
        foreach (var e in events)
        {
            if (e.Span.End < horizon && horizon != TimeSpan.MaxValue)
            {
                LateEvents++;
            }

            _pending.Enqueue(e, (e.Span.End, e.Span.Start, _sequence++));
        }
    }

    /// <summary>The source has heard its input up to <paramref name="watermark"/>; watermarks never move back.</summary>
    public void Advance(int source, TimeSpan watermark)
    {
        if (watermark > _watermarks[source])
        {
            _watermarks[source] = watermark;
        }
    }

    /// <summary>The source will produce nothing more (finished or failed).</summary>
    public void Close(int source) => _watermarks[source] = TimeSpan.MaxValue;

    /// <summary>Events every open source has moved past, in order.</summary>
    public IReadOnlyList<CallEvent> TakeReady()
    {
        var horizon = Horizon;
        var ready = new List<CallEvent>();
        while (_pending.TryPeek(out _, out var key) && key.End <= horizon)
        {
            ready.Add(_pending.Dequeue());
        }

        return ready;
    }

    /// <summary>Everything still held, in order (the end of the call).</summary>
    public IReadOnlyList<CallEvent> TakeAll()
    {
        var all = new List<CallEvent>(_pending.Count);
        while (_pending.Count > 0)
        {
            all.Add(_pending.Dequeue());
        }

        return all;
    }
}
