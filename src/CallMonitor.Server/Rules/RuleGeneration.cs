using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Rules;
using CallMonitor.Hosting.Engines;
using CallMonitor.Pipeline.Engines;
using CallMonitor.Speech.Engines;

namespace CallMonitor.Server.Rules;

/// <summary>
/// One rule pack in force, with everything compiled for it: the compliance engine and the speech engines a call of
/// this pack runs (the shared pack-independent ones followed by this pack's own keyword spotter). Immutable. Calls
/// hold it through a <see cref="RuleGenerationLease"/>; once a newer pack is in force and the last lease is gone,
/// the engines opened for this pack are disposed (the shared ones are not).
/// </summary>
public sealed class RuleGeneration
{
    private readonly EngineSelection _packEngines;
    private readonly Action<RuleGeneration>? _released;
    private int _references = 1; // the registry's own, while the generation is in force

    internal RuleGeneration(
        RulePackRevision source, ComplianceEngine compliance, EngineSelection sharedEngines, EngineSelection packEngines,
        Action<RuleGeneration>? released)
    {
        Source = source;
        Compliance = compliance;
        _packEngines = packEngines;
        _released = released;
        SpeechEngines = [.. sharedEngines.Engines, .. packEngines.Engines];
        UnavailableEngines = [.. sharedEngines.Unavailable, .. packEngines.Unavailable];
        Warnings = [.. sharedEngines.Warnings, .. packEngines.Warnings];
    }

    /// <summary>The pack's text, revision and publication.</summary>
    public RulePackRevision Source { get; }

    /// <summary>The compiled pack; every violation of a call of this generation names its id and version.</summary>
    public RulePack Pack => Compliance.Pack;

    /// <summary>The pack compiled with the shared classifier.</summary>
    public ComplianceEngine Compliance { get; }

    /// <summary>Engines a call of this generation runs (give them to the call pipeline).</summary>
    public IReadOnlyList<ISpeechEngine> SpeechEngines { get; }

    /// <summary>Engines asked for that could not start, with the reason (for the report).</summary>
    public IReadOnlyList<EngineStatus> UnavailableEngines { get; }

    /// <summary>Things an operator should know about the engines (keyword spellings the model cannot write …).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>True once the generation is out of force and its last call has ended: its pack engines are disposed.</summary>
    public bool IsReleased => Volatile.Read(ref _references) == 0;

    /// <summary>Adds a reference unless the generation is already released (then the caller reads the newer one).</summary>
    internal bool TryRetain()
    {
        var seen = Volatile.Read(ref _references);
        while (seen > 0)
        {
            var before = Interlocked.CompareExchange(ref _references, seen + 1, seen);
            if (before == seen)
            {
                return true;
            }

            seen = before;
        }

        return false;
    }

    /// <summary>Drops a reference; the last one disposes the engines opened for this pack.</summary>
    internal void Release()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left < 0)
        {
            throw new InvalidOperationException($"rule pack generation {Source.Id} {Source.Version} released more often than it was retained");
        }

        if (left == 0)
        {
            _packEngines.Dispose();
            _released?.Invoke(this);
        }
    }
}
