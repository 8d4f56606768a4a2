using Microsoft.ML;

namespace CallMonitor.Classification;

/// <summary>
/// A model fresh from <see cref="ClassifierTrainer.Train"/>: usable at once (<see cref="Classifier"/>), with its
/// held-out <see cref="Evaluation"/>, and savable for <see cref="RudeUtteranceClassifier.Load"/>.
/// </summary>
public sealed class TrainedClassifier : IDisposable
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;

    internal TrainedClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema, RudeUtteranceClassifier classifier, ClassifierEvaluation evaluation)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        Classifier = classifier;
        Evaluation = evaluation;
    }

    /// <summary>The model, ready to predict (thread-safe); its <see cref="RudeUtteranceClassifier.ModelPath"/> is null.</summary>
    public RudeUtteranceClassifier Classifier { get; }

    /// <summary>Corpus, options and held-out counts, as saved in the model file.</summary>
    public ClassifierModelInfo Info => Classifier.Info;

    /// <summary>How the model did on the held-out split it never trained on.</summary>
    public ClassifierEvaluation Evaluation { get; }

    /// <summary>Evaluates the model on another labelled set, at the model's threshold.</summary>
    public ClassifierEvaluation Evaluate(UtteranceCorpus corpus) => ClassifierEvaluator.Evaluate(Classifier, corpus);

    /// <summary>
    /// Saves the model as one zip (the ML.NET model plus <see cref="Info"/>), replacing any file at
    /// <paramref name="path"/> in one step; the folder is created when missing.
    /// </summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ModelFile.Write(path, _ml, _model, _inputSchema, Info);
    }

    public void Dispose() => Classifier.Dispose();
}
