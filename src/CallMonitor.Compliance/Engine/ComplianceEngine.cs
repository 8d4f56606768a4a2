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
    {
        ArgumentNullException.ThrowIfNull(pack);
        Pack = pack;
        _rules = [.. pack.Rules.Select(r => new CompiledRule(pack, r))];
    }

    /// <summary>The pack the engine runs.</summary>
    public RulePack Pack { get; }

    /// <summary>Rules of the pack the engine has no evaluator for yet (they never fire).</summary>
    public IReadOnlyList<Rule> UnevaluatedRules => [.. Pack.Rules.Where(r => !EvaluatorFactory.Supports(r.Type))];

    /// <summary>Starts judging call <paramref name="callId"/>.</summary>
    public ComplianceSession CreateSession(string callId, CallContext? context = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        return new ComplianceSession(callId, Pack, _rules, context ?? CallContext.None);
    }
}
