using CallMonitor.Chinese.Normalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace CallMonitor.Classification;

/// <summary>
/// Trains the rude-utterance classifier: text normalised by <see cref="ChineseTextNormalizer"/>, ML.NET
/// character n-grams (1..<see cref="ClassifierTrainingOptions.MaxNgramLength"/>, no word segmentation), L2-normed
/// term frequencies, and an L-BFGS logistic regression.
/// </summary>
/// <remarks>
/// L-BFGS on one thread with a fixed seed is deterministic: the same corpus and options give the same
/// weights. Character n-grams suit Chinese: words are not delimited, and 2–3 character pieces (不关, 我的事,
/// 找别人) carry most of the meaning of the short phrases that make an utterance rude.
/// </remarks>
public static class ClassifierTrainer
{
    /// <summary>
    /// Splits <paramref name="corpus"/> by <see cref="HeldOutRule"/>, fits the model on the training part only,
    /// and evaluates it on the held-out part.
    /// </summary>
    /// <exception cref="ArgumentException">The training part lacks one of the two labels.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static TrainedClassifier Train(UtteranceCorpus corpus, ClassifierTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= ClassifierTrainingOptions.Default;
        options.Validate();
        var (train, heldOut) = corpus.Split();
        if (train.RudeCount == 0 || train.StandardCount == 0)
        {
            throw new ArgumentException($"{train} cannot train a classifier: it needs utterances of both labels (rude and standard)", nameof(corpus));
        }

        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(train.Utterances.Select(ToRow));
        ITransformer model = ml.Transforms.Text.FeaturizeText("Features", FeaturizerOptions(options), nameof(UtteranceRow.Text))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(TrainerOptions(options)))
            .Fit(data);

        var info = new ClassifierModelInfo(ClassifierModelInfo.CurrentFormatVersion, corpus.Fingerprint(), train.Count, heldOut.Count, options, new ConfusionCounts(0, 0, 0, 0));
        ClassifierEvaluation evaluation;
        using (var provisional = new RudeUtteranceClassifier(ml, model, info, null, options.DecisionThreshold))
        {
            evaluation = ClassifierEvaluator.Evaluate(provisional, heldOut);
        }

        var classifier = new RudeUtteranceClassifier(ml, model, info with { HeldOut = evaluation.Counts }, null, options.DecisionThreshold);
        return new TrainedClassifier(ml, model, data.Schema, classifier, evaluation);
    }

    private static TextFeaturizingEstimator.Options FeaturizerOptions(ClassifierTrainingOptions options) => new()
    {
        // The text is already normalised; ML.NET must not fold case, strip marks or drop digits again.
        CaseMode = TextNormalizingEstimator.CaseMode.None,
        KeepDiacritics = true,
        KeepPunctuations = true,
        KeepNumbers = true,
        StopWordsRemoverOptions = null,
        WordFeatureExtractor = null,
        CharFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = options.MaxNgramLength,
            UseAllLengths = true,
            Weighting = NgramExtractingEstimator.WeightingCriteria.Tf,
        },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    private static LbfgsLogisticRegressionBinaryTrainer.Options TrainerOptions(ClassifierTrainingOptions options) => new()
    {
        LabelColumnName = nameof(UtteranceRow.Label),
        FeatureColumnName = "Features",
        L2Regularization = options.L2Regularization,
        L1Regularization = options.L1Regularization,
        NumberOfThreads = 1,
    };

    private static UtteranceRow ToRow(LabelledUtterance utterance) => new()
    {
        Text = ChineseTextNormalizer.Normalize(utterance.Text).Text,
        Label = utterance.IsRude,
    };
}
