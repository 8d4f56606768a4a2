using System.Globalization;
using CallMonitor.Compliance.Engine.Matching;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Events;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// <c>rude_utterance</c>: every final utterance of the judged speaker with at least <see cref="MinChars"/> characters
/// is scored by the classifier; from the threshold (the engine option, else the rule's <c>minProbability</c>) on it is
/// a violation with source <c>classifier</c> and the probability as confidence. An utterance already flagged by a
/// <c>forbidden_phrase</c> rule is not reported again: the phrase rule names the exact words, and a second
/// violation for the same words would count one offence twice in the score (the session runs this rule after the
/// phrase rules so it sees their hits).
/// </summary>
internal sealed class RudeUtteranceEvaluator(EvaluationScope scope, IUtteranceClassifier classifier) : IRuleEvaluator
{
    /// <summary>Shorter utterances (嗯, 好) carry too few character n-grams for the classifier to say anything.</summary>
    public const int MinChars = 2;

    private static readonly string ForbiddenType = RuleType.ForbiddenPhrase.ToWireName();

    private readonly CompiledRule _rule = scope.Rule;

    private double Threshold => scope.Options.RudeThreshold ?? _rule.Rule.Parameters.Number("minProbability");

    public void Accept(CallEvent e)
    {
        if (e is not UtteranceRecognized u || !_rule.Judges(u.Role) || UtteranceText.Of(u).SpokenLength < MinChars)
        {
            return;
        }

        var probability = classifier.Classify(u.Text);
        if (double.IsNaN(probability) || probability is < 0 or > 1)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"utterance classifier '{classifier.Name}' returned {probability} for \"{u.Text}\"; a probability from 0 to 1 is required: check the model file and its adapter"));
        }

        if (probability < Threshold || scope.Violations.HasConfirmed(ForbiddenType, u.Role, u.Span))
        {
            return;
        }

        scope.Violations.Emit(
            _rule, u.Role, u.Span, null,
            string.Create(CultureInfo.InvariantCulture, $"{u.Text}（{classifier.Name} 判为态度不当的概率 {probability:0.00}，阈值 {Threshold:0.00}）"),
            [Evidence.Classifier], probability, ViolationState.Confirmed);
    }

    public void Complete(TimeSpan callEnd)
    {
    }
}
