using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Domain.Events;

/// <summary>
/// Provisional text of the utterance a recognizer is still hearing; each update replaces the previous one for the
/// same channel until an <see cref="UtteranceRecognized"/> closes it.
/// </summary>
/// <param name="Text">Text so far, as the matcher takes it (Chinese without the spaces between words).</param>
/// <param name="Source">Engine that produced it ("vosk").</param>
public sealed record PartialTranscriptUpdated(string CallId, SpeakerRole Role, AudioInterval Span, string Text, string Source)
    : CallEvent(CallId, Role, Span);
