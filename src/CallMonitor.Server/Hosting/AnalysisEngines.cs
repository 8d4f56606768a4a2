using CallMonitor.Acoustics.Vad;
using CallMonitor.Compliance.Engine;
using CallMonitor.Hosting.Classification;
using CallMonitor.Hosting.Models;

namespace CallMonitor.Server.Hosting;

/// <summary>
/// What every call shares whatever rule pack is in force, loaded once when the service starts: the voice-activity
/// detector factory and the utterance classifier. Speech engines and the compiled pack come from the
/// <see cref="Rules.RulePackRegistry"/>, which swaps them when a new pack is published.
/// </summary>
public sealed class AnalysisEngines : IDisposable
{
    private readonly RudeUtteranceJudge? _judge;

    private AnalysisEngines(RudeUtteranceJudge? judge, VoiceActivityDetectorFactory detectors)
    {
        _judge = judge;
        Detectors = detectors;
        ComplianceOptions = new ComplianceEngineOptions(judge);
    }

    public VoiceActivityDetectorFactory Detectors { get; }

    /// <summary>How every rule pack is compiled (with the classifier, when installed).</summary>
    public ComplianceEngineOptions ComplianceOptions { get; }

    /// <summary>Classifier in use, or null when its model is not installed (the rules that need it are not evaluated).</summary>
    public string? ClassifierName => _judge?.Name;

    public static AnalysisEngines Load() =>
        new(RudeUtteranceJudge.TryLoadDefault(), new VoiceActivityDetectorFactory(InstalledModels.SileroVadModel()));

    public void Dispose() => _judge?.Dispose();
}
