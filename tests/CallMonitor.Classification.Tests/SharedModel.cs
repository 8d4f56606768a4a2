namespace CallMonitor.Classification.Tests;

/// <summary>
/// One model trained from the embedded corpus with the default options, shared by the fixtures (training takes
/// about a second; doing it once keeps the suite fast).
/// </summary>
internal static class SharedModel
{
    private static readonly Lazy<TrainedClassifier> Trained = new(() => ClassifierTrainer.Train(UtteranceCorpus.Embedded), LazyThreadSafetyMode.ExecutionAndPublication);

    public static TrainedClassifier Instance => Trained.Value;

    public static RudeUtteranceClassifier Classifier => Instance.Classifier;
}
