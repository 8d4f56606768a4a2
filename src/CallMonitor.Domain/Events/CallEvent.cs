using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Domain.Events;

/// <summary>
/// Something that happened in a call, placed on the call's audio timeline. Every stage of the pipeline
/// (acoustics, speech engines, compliance) speaks in these, so batch reports and live streams share one model.
/// </summary>
/// <param name="CallId">The call this belongs to.</param>
/// <param name="Role">Whose channel it was observed on (<see cref="SpeakerRole.Conversation"/> for both).</param>
/// <param name="Span">Where on the audio timeline it happened.</param>
public abstract record CallEvent(string CallId, SpeakerRole Role, AudioInterval Span);
