namespace CallMonitor.Engines.Vosk.Results;

/// <summary>One reading of an utterance.</summary>
/// <param name="Text">Text as the matcher takes it (see <see cref="TokenTextJoiner"/>).</param>
/// <param name="Words">Timed words, when word output is on.</param>
/// <param name="Score">N-best only: vosk's total log-likelihood score (not a 0..1 probability).</param>
internal sealed record VoskHypothesis(string Text, IReadOnlyList<VoskWord> Words, double? Score);
