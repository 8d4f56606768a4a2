using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Domain.Events;

/// <summary>
/// One party ended the call. <see cref="CallEvent.Role"/> is who hung up; <see cref="CallEvent.Span"/> is the
/// instant of the hang-up (start and end equal).
/// </summary>
public sealed record CallHungUp(string CallId, SpeakerRole Role, AudioInterval Span) : CallEvent(CallId, Role, Span);
