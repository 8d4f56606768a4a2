using CallMonitor.Classification;
using CallMonitor.Compliance.Engine;

namespace CallMonitor.Hosting.Classification;

/// <summary>The ML.NET rude-utterance classifier as the compliance engine's second opinion (thread-safe, shared by calls).</summary>
public sealed class RudeUtteranceJudge : IUtteranceClassifier, IDisposable
{
    private readonly RudeUtteranceClassifier _classifier;

    private RudeUtteranceJudge(RudeUtteranceClassifier classifier)
    {
        _classifier = classifier;
    }

    public string Name => $"rude-utterance classifier {_classifier.Version}";

    /// <summary>The committed model (models/classifier/rude-utterance.zip), or null when it is not there.</summary>
    /// <exception cref="ClassifierModelException">The file is there but corrupt or from another version.</exception>
    public static RudeUtteranceJudge? TryLoadDefault()
    {
        var path = Models.InstalledModels.Classifier();
        return path is null ? null : new RudeUtteranceJudge(RudeUtteranceClassifier.Load(path));
    }

    public double Classify(string text) => _classifier.Predict(text).Probability;

    public void Dispose() => _classifier.Dispose();
}
