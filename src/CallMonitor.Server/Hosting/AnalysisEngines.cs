using CallMonitor.Acoustics.Vad;
using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Rules;
using CallMonitor.Hosting.Classification;
using CallMonitor.Hosting.Engines;
using CallMonitor.Hosting.Models;

namespace CallMonitor.Server.Hosting;

/// <summary>
/// What every call shares, loaded once when the service starts: the speech engines (models in memory), the
/// voice-activity detector factory, the rule pack compiled with the utterance classifier.
/// </summary>
public sealed class AnalysisEngines : IDisposable
{
    private readonly RudeUtteranceJudge? _judge;

    private AnalysisEngines(EngineSelection speech, RudeUtteranceJudge? judge, VoiceActivityDetectorFactory detectors, RulePack rules)
    {
        Speech = speech;
        _judge = judge;
        Detectors = detectors;
        Rules = rules;
        Compliance = new ComplianceEngine(rules, new ComplianceEngineOptions(judge));
    }

    public EngineSelection Speech { get; }

    public VoiceActivityDetectorFactory Detectors { get; }

    public RulePack Rules { get; }

    /// <summary>The rule pack compiled, in force for calls that start now.</summary>
    public ComplianceEngine Compliance { get; }

    /// <summary>Classifier in use, or null when its model is not installed (the rules that need it are not evaluated).</summary>
    public string? ClassifierName => _judge?.Name;

    /// <summary>Starts the engines named by <paramref name="engines"/> (<c>auto</c>: every installed one).</summary>
    /// <exception cref="ArgumentException">An unknown engine name.</exception>
    public static AnalysisEngines Load(IReadOnlyList<string> engines, RulePack? rules = null)
    {
        ArgumentNullException.ThrowIfNull(engines);
        rules ??= RulePack.Default;
        var speech = SpeechEngineCatalog.Open(engines, rules);
        try
        {
            var judge = RudeUtteranceJudge.TryLoadDefault();
            return new AnalysisEngines(speech, judge, new VoiceActivityDetectorFactory(InstalledModels.SileroVadModel()), rules);
        }
        catch
        {
            speech.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Speech.Dispose();
        _judge?.Dispose();
    }
}
