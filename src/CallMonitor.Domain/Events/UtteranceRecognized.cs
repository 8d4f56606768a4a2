using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Domain.Events;

/// <summary>A final recognized utterance (or a segment of a supplied transcript) of one speaker.</summary>
/// <param name="Text">Text as the matcher takes it (Chinese without the spaces between words).</param>
/// <param name="Words">Words with their times, when the source gives them.</param>
/// <param name="Source">"vosk", "transcript", ...</param>
/// <param name="Alternatives">Other readings of the same audio (N-best), best first, without <paramref name="Text"/>.</param>
public sealed record UtteranceRecognized(
    string CallId,
    SpeakerRole Role,
    AudioInterval Span,
    string Text,
    IReadOnlyList<RecognizedWord> Words,
    string Source,
    IReadOnlyList<string> Alternatives) : CallEvent(CallId, Role, Span);
