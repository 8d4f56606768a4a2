using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Acoustics.Timeline;

/// <summary>
/// Combines the speech segments of every channel into conversation-level events: silences where nobody speaks
/// and overlaps where both speak. Streaming: an event is emitted as soon as no later segment can change it,
/// judged by the <c>horizon</c> the caller passes (no channel can still report a segment starting before it).
/// </summary>
public sealed class ConversationTimeline
{
    private readonly string _callId;
    private readonly TimelineOptions _options;
    private readonly List<SpeechSegmentDetected> _open = []; // segments that may still overlap a later one
    private readonly List<CallEvent> _ready = [];
    private readonly PriorityQueue<SpeechSegmentDetected, TimeSpan> _pendingStarts = new();
    private readonly List<OverlapDetected> _pendingOverlaps = []; // may still grow by a piece that follows closely

    private TimeSpan _coveredUntil = TimeSpan.Zero; // end of the speech already passed (union of all channels)
    private SpeakerRole? _lastSpeaker;

    public ConversationTimeline(string callId, TimelineOptions? options = null)
    {
        _callId = callId;
        _options = options ?? new TimelineOptions();
        _options.Validate();
    }

    /// <summary>
    /// Adds a finished segment of one channel and finds its overlaps with the other channels' segments. Pieces of one
    /// barge-in (the same speaker over the same speaker, less than <see cref="TimelineOptions.OverlapJoinGap"/> apart,
    /// as when the VAD splits a phrase at a short pause) are joined; <see cref="Advance"/> emits them when final.
    /// </summary>
    public void Add(SpeechSegmentDetected segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        foreach (var other in _open)
        {
            if (other.Role == segment.Role || other.Role == SpeakerRole.Mixed)
            {
                continue;
            }

            if (other.Span.Intersect(segment.Span) is { } common)
            {
                var (first, second) = other.Span.Start <= segment.Span.Start ? (other, segment) : (segment, other);
                Join(new OverlapDetected(_callId, second.Role, common, first.Role));
            }
        }

        _open.Add(segment);
        _pendingStarts.Enqueue(segment, segment.Span.Start);
    }

    /// <summary>
    /// Emits the silences that end before <paramref name="horizon"/>. Every segment starting before the horizon
    /// must have been added already.
    /// </summary>
    public void Advance(TimeSpan horizon)
    {
        while (_pendingStarts.TryPeek(out var next, out var start) && start < horizon)
        {
            _pendingStarts.Dequeue();
            ReportGap(_coveredUntil, next.Span.Start, _lastSpeaker, next.Role);
            if (next.Span.End > _coveredUntil)
            {
                _coveredUntil = next.Span.End;
                _lastSpeaker = next.Role;
            }
        }

        // A later overlap starts at or after the horizon, so one ending more than the join gap before it is final.
        ReleaseOverlaps(o => o.Span.End + _options.OverlapJoinGap < horizon);

        // A segment that ended long before the horizon can no longer overlap anything still to come.
        _open.RemoveAll(s => s.Span.End < horizon - TimeSpan.FromSeconds(30));
    }

    /// <summary>The call has ended at <paramref name="callEnd"/>: flushes everything, including a trailing silence.</summary>
    public void Complete(TimeSpan callEnd)
    {
        Advance(TimeSpan.MaxValue);
        ReleaseOverlaps(_ => true);
        ReportGap(_coveredUntil, callEnd, _lastSpeaker, null);
        _open.Clear();
    }

    /// <summary>Events found since the previous call, in the order they became final.</summary>
    public IReadOnlyList<CallEvent> TakeEvents()
    {
        var events = _ready.ToArray();
        _ready.Clear();
        return events;
    }

    private void Join(OverlapDetected piece)
    {
        var index = _pendingOverlaps.FindIndex(o => o.Role == piece.Role && o.InterruptedRole == piece.InterruptedRole
            && o.Span.Start - _options.OverlapJoinGap <= piece.Span.End && piece.Span.Start - _options.OverlapJoinGap <= o.Span.End);
        if (index < 0)
        {
            _pendingOverlaps.Add(piece);
            return;
        }

        var joined = _pendingOverlaps[index];
        var start = joined.Span.Start < piece.Span.Start ? joined.Span.Start : piece.Span.Start;
        var end = joined.Span.End > piece.Span.End ? joined.Span.End : piece.Span.End;
        _pendingOverlaps[index] = joined with { Span = new AudioInterval(start, end) };
    }

    private void ReleaseOverlaps(Predicate<OverlapDetected> final)
    {
        foreach (var overlap in _pendingOverlaps.Where(o => final(o)).OrderBy(o => o.Span.Start))
        {
            if (overlap.Span.Duration >= _options.MinOverlap)
            {
                _ready.Add(overlap);
            }
        }

        _pendingOverlaps.RemoveAll(final);
    }

    private void ReportGap(TimeSpan from, TimeSpan to, SpeakerRole? before, SpeakerRole? after)
    {
        if (to - from >= _options.MinSilence)
        {
            _ready.Add(new SilenceDetected(_callId, new AudioInterval(from, to), before, after));
        }
    }
}
