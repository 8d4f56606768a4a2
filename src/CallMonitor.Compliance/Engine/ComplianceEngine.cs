using CallMonitor.Compliance.Engine.Evaluators;
using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Engine;

/// <summary>
/// A rule pack compiled for running: every phrase set's matcher built once. Immutable and thread-safe; one engine
/// serves every call of the pack, each through its own <see cref="ComplianceSession"/>. A pack reload builds a new
/// engine; sessions already running keep the engine they started with.
/// </summary>
public sealed class ComplianceEngine
{
    private readonly IReadOnlyList<CompiledRule> _rules;

    /// <exception cref="RulePackException">A phrase of the pack cannot be compiled into a matcher.</exception>
    public ComplianceEngine(RulePack pack)
        : this(pack, ComplianceEngineOptions.None)
    {
    }

    /// <exception cref="RulePackException">A phrase of the pack cannot be compiled into a matcher.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ComplianceEngineOptions.RudeThreshold"/> is not a probability.</exception>
    public ComplianceEngine(RulePack pack, ComplianceEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RudeThreshold is { } threshold && !(threshold is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), threshold, "the rude-utterance threshold is a probability: give a value from 0 to 1 (e.g. 0.8), or none to use the pack's minProbability");
        }

        Pack = pack;
        Options = options;
        _rules = [.. pack.Rules.Select(r => new CompiledRule(pack, r))];
    }

    /// <summary>The pack the engine runs.</summary>
    public RulePack Pack { get; }

    /// <summary>The classifier and thresholds the engine runs with.</summary>
    public ComplianceEngineOptions Options { get; }

    /// <summary>Rules of the pack the engine cannot run (no evaluator, or no classifier for a <c>rude_utterance</c> rule); they never fire.</summary>
    public IReadOnlyList<Rule> UnevaluatedRules => [.. Pack.Rules.Where(r => !EvaluatorFactory.Supports(r.Type, Options))];

    /// <summary>Starts judging call <paramref name="callId"/>.</summary>
    public ComplianceSession CreateSession(string callId, CallContext? context = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        return new ComplianceSession(callId, Pack, _rules, context ?? CallContext.None, Options);
    }
}
