using CallMonitor.Domain.Timeline;

namespace CallMonitor.Domain.Events;

/// <summary>One word of a recognized utterance, with its place on the audio timeline.</summary>
/// <param name="Confidence">The engine's confidence (0..1), or null when the source gives none (Vosk in N-best mode, transcripts without it).</param>
public sealed record RecognizedWord(string Text, AudioInterval Span, double? Confidence);
