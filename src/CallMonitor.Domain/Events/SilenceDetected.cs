using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Domain.Events;

/// <summary>A stretch where nobody speaks on any channel (dead air). <see cref="CallEvent.Role"/> is <see cref="SpeakerRole.Conversation"/>.</summary>
/// <param name="Before">Who spoke last before the silence, if anyone.</param>
/// <param name="After">Who spoke first after it, if anyone (null for a silence running to the end of the call).</param>
public sealed record SilenceDetected(string CallId, AudioInterval Span, SpeakerRole? Before, SpeakerRole? After)
    : CallEvent(CallId, SpeakerRole.Conversation, Span);
