namespace CallMonitor.Classification;

/// <summary>An evaluated utterance the model got wrong, with the probability of rudeness it gave.</summary>
public sealed record Misclassification(LabelledUtterance Utterance, float Probability);
