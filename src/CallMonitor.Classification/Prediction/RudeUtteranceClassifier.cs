using System.Collections.Concurrent;
using CallMonitor.Chinese.Normalization;
using Microsoft.ML;

namespace CallMonitor.Classification;

/// <summary>
/// The trained "second opinion": tells standard service language from rude, blaming or shirking language,
/// for paraphrases no phrase list has.
/// </summary>
/// <remarks>
/// Thread-safe. ML.NET's <c>PredictionEngine</c> is not, so each call rents one from a small pool and returns
/// it: concurrent callers never share an engine and never wait on each other (a new engine is built when the
/// pool is empty; at most <see cref="Environment.ProcessorCount"/> idle engines are kept).
/// Input goes through <see cref="ChineseTextNormalizer"/> first, exactly as in training, so traditional
/// characters, full-width forms, punctuation and the spaces Vosk puts between words do not matter.
/// </remarks>
public sealed class RudeUtteranceClassifier : IDisposable
{
    /// <summary>File name of the saved model (under <c>models/classifier/</c>).</summary>
    public const string DefaultFileName = "rude-utterance.zip";

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ConcurrentBag<PredictionEngine<UtteranceRow, RudenessScore>> _idle = [];
    private readonly int _maxIdle = Math.Max(2, Environment.ProcessorCount);
    private readonly Lock _createLock = new();
    private volatile bool _disposed;

    internal RudeUtteranceClassifier(MLContext ml, ITransformer model, ClassifierModelInfo info, string? modelPath, float threshold)
    {
        if (!(threshold is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the decision threshold must be a probability strictly between 0 and 1");
        }

        _ml = ml;
        _model = model;
        Info = info;
        ModelPath = modelPath;
        Threshold = threshold;
    }

    /// <summary>What the model file says about itself (corpus, options, held-out counts).</summary>
    public ClassifierModelInfo Info { get; }

    /// <summary>Short version string of the model: format and corpus fingerprint.</summary>
    public string Version => Info.Version;

    /// <summary>The file the model was loaded from; null for a model still in memory after training.</summary>
    public string? ModelPath { get; }

    /// <summary>Probability at or above which <see cref="Predict"/> calls an utterance rude.</summary>
    public float Threshold { get; }

    /// <summary>
    /// Loads a model saved by <see cref="TrainedClassifier.Save"/>. <paramref name="threshold"/> overrides the
    /// threshold the model was trained with.
    /// </summary>
    /// <exception cref="ClassifierModelException">The file is missing, corrupt or not a CallMonitor classifier.</exception>
    public static RudeUtteranceClassifier Load(string path, float? threshold = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var ml = new MLContext();
        var (model, info) = ModelFile.Read(path, ml);
        var classifier = new RudeUtteranceClassifier(ml, model, info, Path.GetFullPath(path), threshold ?? info.Options.DecisionThreshold);
        try
        {
            // Build one engine now: a model whose columns do not fit fails here, at load, and not on the first call.
            classifier.Return(classifier.Rent());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            classifier.Dispose();
            throw new ClassifierModelException(ClassifierModelProblem.Incompatible, Path.GetFullPath(path), $"classifier model {Path.GetFullPath(path)} does not fit this build's input (a Text column in, a Probability out): {ex.Message}; retrain it with 'callmonitor train-classifier'", ex);
        }

        return classifier;
    }

    /// <summary>
    /// The probability that <paramref name="text"/> is rude, blaming or shirking language, and whether it reaches
    /// <see cref="Threshold"/>. Text with nothing left after normalisation (punctuation only) is not rude.
    /// </summary>
    public UtteranceVerdict Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var normalized = ChineseTextNormalizer.Normalize(text).Text;
        if (normalized.Length == 0)
        {
            return new UtteranceVerdict(false, 0f);
        }

        var engine = Rent();
        try
        {
            var probability = engine.Predict(new UtteranceRow { Text = normalized }).Probability;
            return new UtteranceVerdict(probability >= Threshold, probability);
        }
        finally
        {
            Return(engine);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var engine))
        {
            engine.Dispose();
        }
    }

    private PredictionEngine<UtteranceRow, RudenessScore> Rent()
    {
        if (_idle.TryTake(out var engine))
        {
            return engine;
        }

        lock (_createLock)
        {
            return _ml.Model.CreatePredictionEngine<UtteranceRow, RudenessScore>(_model);
        }
    }

    private void Return(PredictionEngine<UtteranceRow, RudenessScore> engine)
    {
        if (_disposed || _idle.Count >= _maxIdle)
        {
            engine.Dispose();
            return;
        }

        _idle.Add(engine);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }
}
