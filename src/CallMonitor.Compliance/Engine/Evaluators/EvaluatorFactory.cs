using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>Which evaluator runs a rule type; types without one are listed by <see cref="ComplianceEngine.UnevaluatedRules"/>.</summary>
internal static class EvaluatorFactory
{
    public static bool Supports(RuleType type) => type is RuleType.ForbiddenPhrase or RuleType.EscalationCue
        or RuleType.MissingGreeting or RuleType.MissingClosing or RuleType.AgentHungUpFirst
        or RuleType.LongSilence or RuleType.HoldWithoutThanks or RuleType.HoldTooLong
        or RuleType.Interruption;

    public static IRuleEvaluator? Create(EvaluationScope scope) => scope.Rule.Rule.Type switch
    {
        RuleType.ForbiddenPhrase or RuleType.EscalationCue => new PhraseRuleEvaluator(scope),
        RuleType.MissingGreeting => new GreetingEvaluator(scope),
        RuleType.MissingClosing => new ClosingEvaluator(scope),
        RuleType.AgentHungUpFirst => new HangUpEvaluator(scope),
        RuleType.LongSilence or RuleType.HoldWithoutThanks or RuleType.HoldTooLong => new HoldEvaluator(scope),
        RuleType.Interruption => new InterruptionEvaluator(scope),
        _ => null,
    };
}
