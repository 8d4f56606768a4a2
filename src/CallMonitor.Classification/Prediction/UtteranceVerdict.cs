namespace CallMonitor.Classification;

/// <summary>
/// The classifier's opinion of one utterance: <paramref name="Probability"/> that it is rude, blaming or
/// shirking language, and whether that reaches the classifier's threshold.
/// </summary>
public readonly record struct UtteranceVerdict(bool IsRude, float Probability);
