namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>What every evaluator of one call shares: its rule, the call's history and context, and the violation writer.</summary>
internal sealed record EvaluationScope(CompiledRule Rule, CallHistory History, CallContext Context, ViolationFactory Violations);
