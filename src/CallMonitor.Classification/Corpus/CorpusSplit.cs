namespace CallMonitor.Classification;

/// <summary>
/// The corpus cut in two by <see cref="HeldOutRule"/>: <paramref name="Train"/> is what the model is fitted on,
/// <paramref name="Test"/> the held-out part it never sees. Deconstructs as <c>var (train, test) = corpus.Split();</c>.
/// </summary>
public sealed record CorpusSplit(UtteranceCorpus Train, UtteranceCorpus Test);
