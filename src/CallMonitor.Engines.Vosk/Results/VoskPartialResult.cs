namespace CallMonitor.Engines.Vosk.Results;

/// <summary>The provisional text of the utterance still being heard, with timed words when partial words are on.</summary>
internal sealed record VoskPartialResult(string Text, IReadOnlyList<VoskWord> Words);
