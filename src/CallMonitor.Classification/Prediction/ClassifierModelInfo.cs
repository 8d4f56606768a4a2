namespace CallMonitor.Classification;

/// <summary>
/// What a classifier model file says about itself: stored next to the ML.NET model inside the zip
/// (entry <c>callmonitor/classifier.json</c>).
/// </summary>
/// <param name="FormatVersion">Layout of the model (input normalisation, column names); see <see cref="CurrentFormatVersion"/>.</param>
/// <param name="CorpusFingerprint"><see cref="UtteranceCorpus.Fingerprint"/> of the whole corpus the split came from.</param>
/// <param name="TrainingCount">Utterances the model was fitted on.</param>
/// <param name="HeldOutCount">Utterances held out and evaluated.</param>
/// <param name="Options">The training options.</param>
/// <param name="HeldOut">Confusion counts on the held-out split at <see cref="ClassifierTrainingOptions.DecisionThreshold"/>.</param>
public sealed record ClassifierModelInfo(
    int FormatVersion,
    string CorpusFingerprint,
    int TrainingCount,
    int HeldOutCount,
    ClassifierTrainingOptions Options,
    ConfusionCounts HeldOut)
{
    /// <summary>
    /// Format 1: the ML.NET pipeline reads a <c>Text</c> column that already went through
    /// <see cref="Chinese.Normalization.ChineseTextNormalizer"/>; output <c>Probability</c> of rude.
    /// </summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>A short version string: format and corpus fingerprint, e.g. <c>1-3f9a2c1d0b7e</c>.</summary>
    public string Version => $"{FormatVersion}-{CorpusFingerprint}";
}
