using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>Which evaluator runs a rule type; rules without one are listed by <see cref="ComplianceEngine.UnevaluatedRules"/>.</summary>
internal static class EvaluatorFactory
{
    public static bool Supports(RuleType type, ComplianceEngineOptions options) =>
        type != RuleType.RudeUtterance || options.Classifier is not null;

    public static IRuleEvaluator? Create(EvaluationScope scope) => scope.Rule.Rule.Type switch
    {
        RuleType.ForbiddenPhrase or RuleType.EscalationCue => new PhraseRuleEvaluator(scope),
        RuleType.MissingGreeting => new GreetingEvaluator(scope),
        RuleType.MissingClosing => new ClosingEvaluator(scope),
        RuleType.AgentHungUpFirst => new HangUpEvaluator(scope),
        RuleType.LongSilence or RuleType.HoldWithoutThanks or RuleType.HoldTooLong => new HoldEvaluator(scope),
        RuleType.Interruption => new InterruptionEvaluator(scope),
        RuleType.SpeechRateTooFast or RuleType.SpeechRateTooSlow => new SpeechRateEvaluator(scope),
        RuleType.FillerWord => new FillerWordEvaluator(scope),
        RuleType.SilentCallProtocol => new SilentCallEvaluator(scope),
        RuleType.RudeUtterance when scope.Options.Classifier is { } classifier => new RudeUtteranceEvaluator(scope, classifier),
        _ => null,
    };
}
