using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Domain.Events;

/// <summary>A stretch of speech on one channel, found by voice-activity detection, with its acoustic measures.</summary>
/// <param name="Loudness">Level of the segment.</param>
/// <param name="Rate">Speaking rate estimated from syllable nuclei (no recognizer), or null when too short to judge.</param>
public sealed record SpeechSegmentDetected(
    string CallId,
    SpeakerRole Role,
    AudioInterval Span,
    SegmentLoudness Loudness,
    SpeakingRateEstimate? Rate) : CallEvent(CallId, Role, Span);
