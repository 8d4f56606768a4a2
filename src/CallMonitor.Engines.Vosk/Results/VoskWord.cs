namespace CallMonitor.Engines.Vosk.Results;

/// <summary>One word as vosk timed it: seconds from the recognizer's first sample.</summary>
/// <param name="Confidence">Vosk's posterior (0..1); null in N-best output, which gives none per word.</param>
internal sealed record VoskWord(string Text, double Start, double End, double? Confidence);
