using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Domain.Events;

/// <summary>
/// Both parties speaking at once. <see cref="CallEvent.Role"/> is the one who started while the other was
/// already speaking (the basis of the interruption rule).
/// </summary>
/// <param name="InterruptedRole">The one who was already speaking.</param>
public sealed record OverlapDetected(string CallId, SpeakerRole Role, AudioInterval Span, SpeakerRole InterruptedRole)
    : CallEvent(CallId, Role, Span);
