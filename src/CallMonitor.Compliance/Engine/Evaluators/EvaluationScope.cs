namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>What every evaluator of one call shares: its rule, the call's history and context, the violation writer and the engine's options.</summary>
internal sealed record EvaluationScope(
    CompiledRule Rule, CallHistory History, CallContext Context, ViolationFactory Violations, ComplianceEngineOptions Options);
