namespace CallMonitor.Compliance.Engine;

/// <summary>What a <see cref="ComplianceEngine"/> may use beyond its rule pack.</summary>
/// <param name="Classifier">
/// Scores utterances for the pack's <c>rude_utterance</c> rules; without one those rules do not run (they are listed
/// by <see cref="ComplianceEngine.UnevaluatedRules"/>).
/// </param>
/// <param name="RudeThreshold">
/// The probability from which an utterance is a <c>rude_utterance</c> violation, overriding every such rule's
/// <c>minProbability</c>; null keeps the pack's value.
/// </param>
public sealed record ComplianceEngineOptions(IUtteranceClassifier? Classifier = null, double? RudeThreshold = null)
{
    /// <summary>No classifier, the pack's thresholds.</summary>
    public static ComplianceEngineOptions None { get; } = new();
}
