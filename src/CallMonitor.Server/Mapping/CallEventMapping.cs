using CallMonitor.Contracts.V1;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Server.Calls;

namespace CallMonitor.Server.Mapping;

/// <summary>Incoming transcript segments and hang-ups as domain events.</summary>
public static class CallEventMapping
{
    /// <summary>Latest time a segment of a call may end at (24 h): beyond it a time is an error, not a call.</summary>
    public const double MaxCallSeconds = 24 * 3600;

    /// <summary>Source name of segments supplied by the client's own recognizer.</summary>
    public const string TranscriptSource = "transcript";

    /// <exception cref="CallFrameException">No span, a span that ends before it starts, or a speaker the call does not have.</exception>
    public static UtteranceRecognized ToDomain(TranscriptSegment segment, string callId, ChannelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(layout);
        var span = Interval(segment.Span, "transcript segment");
        var role = Role(segment.Speaker, layout, "transcript segment");
        var words = segment.Words
            .Select(w => new RecognizedWord(w.Text, Interval(w.Span, $"word '{w.Text}'"), w.Confidence))
            .ToList();
        return new UtteranceRecognized(callId, role, span, segment.Text, words, TranscriptSource, []);
    }

    /// <summary>The hang-up of a CallEnd, or null when it does not say who hung up.</summary>
    /// <param name="received">Audio received so far: the hang-up instant when the frame gives none.</param>
    /// <exception cref="CallFrameException">A negative or non-finite time.</exception>
    public static CallHungUp? ToDomain(CallEnd end, string callId, TimeSpan received)
    {
        ArgumentNullException.ThrowIfNull(end);
        if (end.HungUpBy == Speaker.Unspecified)
        {
            return null;
        }

        if (!double.IsFinite(end.HungUpAt) || end.HungUpAt < 0)
        {
            throw new CallFrameException($"CallEnd.hung_up_at {end.HungUpAt} is not a time: give seconds from the start of the call");
        }

        var at = end.HungUpAt > 0 ? TimeSpan.FromSeconds(end.HungUpAt) : received;
        var role = SpeakerMapping.ToDomain(end.HungUpBy) is SpeakerRole.Agent or SpeakerRole.Customer
            ? SpeakerMapping.ToDomain(end.HungUpBy)!.Value
            : throw new CallFrameException($"CallEnd.hung_up_by {end.HungUpBy} is not a party: use SPEAKER_AGENT or SPEAKER_CUSTOMER");
        return new CallHungUp(callId, role, new AudioInterval(at, at));
    }

    private static AudioInterval Interval(AudioSpan? span, string what)
    {
        if (span is null)
        {
            throw new CallFrameException($"the {what} has no span: give its start and end in seconds from the start of the call");
        }

        if (!double.IsFinite(span.Start) || !double.IsFinite(span.End) || span.Start < 0)
        {
            throw new CallFrameException($"the {what} spans {span.Start}..{span.End} s: times must be finite seconds from the start of the call");
        }

        if (span.End < span.Start)
        {
            throw new CallFrameException($"the {what} ends ({span.End} s) before it starts ({span.Start} s)");
        }

        if (span.End > MaxCallSeconds)
        {
            throw new CallFrameException($"the {what} ends at {span.End} s: a call is at most {MaxCallSeconds / 3600:0} h long");
        }

        return AudioInterval.FromSeconds(span.Start, span.End);
    }

    private static SpeakerRole Role(Speaker speaker, ChannelLayout layout, string what)
    {
        var role = SpeakerMapping.ToDomain(speaker);
        if (role is null && layout.IsMono)
        {
            return SpeakerRole.Mixed;
        }

        return role is { } r && (layout.Roles.Contains(r) || (!layout.IsMono && r == SpeakerRole.Conversation))
            ? r
            : throw new CallFrameException($"the {what}'s speaker {speaker} is not on this call (channels: {layout})");
    }
}
