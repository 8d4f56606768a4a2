using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// Silences and holds, on the dead air the acoustic stage reports (<see cref="SilenceDetected"/> between two
/// speakers; the silences before the first and after the last word are not holds):
/// <c>long_silence</c> — dead air of <c>minSeconds</c> or more with no hold announcement (请您稍等 …) by the agent in
/// the <c>announcementLookbackSeconds</c> before it;
/// <c>hold_without_thanks</c> — after an announced hold of <c>minHoldSeconds</c> or more, the agent's speech in the
/// next <c>withinSeconds</c> holds no thanks; <c>hold_too_long</c> — after an announced hold longer than
/// <c>maxHoldSeconds</c>, no apology in the next <c>withinSeconds</c>.
/// </summary>
internal sealed class HoldEvaluator(EvaluationScope scope) : IRuleEvaluator
{
    /// <summary>How long before a hold its announcement may end, for the hold rules (the pack gives them no parameter).</summary>
    private static readonly TimeSpan HoldAnnouncementLookback = TimeSpan.FromSeconds(15);

    private readonly CompiledRule _rule = scope.Rule;
    private SilenceDetected? _hold;
    private bool _answered;

    private RuleParameters Parameters => _rule.Rule.Parameters;

    private string Remedy => _rule.Rule.Type == RuleType.HoldTooLong ? "apologies" : "thanks";

    public void Accept(CallEvent e)
    {
        if (_hold is { } hold && e.Span.Start > hold.Span.End + Within)
        {
            Settle();
        }

        switch (e)
        {
            case SilenceDetected { Before: not null, After: not null } silence:
                OnSilence(silence);
                break;
            case UtteranceRecognized { Role: SpeakerRole.Agent } u when _hold is { } open && u.Span.End > open.Span.End - Evidence.Slack:
                _answered |= _rule.Set(Remedy).Says(Matching.UtteranceText.Of(u));
                break;
        }
    }

    public void Complete(TimeSpan callEnd) => Settle();

    private TimeSpan Within => TimeSpan.FromSeconds(_rule.Rule.Type == RuleType.LongSilence ? 0 : Parameters.Number("withinSeconds"));

    private void OnSilence(SilenceDetected silence)
    {
        var seconds = silence.Span.Duration.TotalSeconds;
        switch (_rule.Rule.Type)
        {
            case RuleType.LongSilence when seconds >= Parameters.Number("minSeconds")
                && !Announced(silence, TimeSpan.FromSeconds(Parameters.Number("announcementLookbackSeconds"))):
                scope.Violations.Emit(
                    _rule, SpeakerRole.Agent, silence.Span, null,
                    $"无人讲话 {Evidence.Seconds(silence.Span.Duration)} 秒，之前坐席没有说明等待（请您稍等…）",
                    [Evidence.Acoustic], 1.0, ViolationState.Confirmed);
                break;
            case RuleType.HoldWithoutThanks when seconds >= Parameters.Number("minHoldSeconds") && Announced(silence, HoldAnnouncementLookback):
            case RuleType.HoldTooLong when seconds > Parameters.Number("maxHoldSeconds") && Announced(silence, HoldAnnouncementLookback):
                Settle();
                _hold = silence;
                _answered = false;
                break;
        }
    }

    /// <summary>Whether an agent utterance ending in the <paramref name="lookback"/> before the silence announced a hold.</summary>
    private bool Announced(SilenceDetected silence, TimeSpan lookback) => scope.History.Finals.Any(f =>
        f.Role == SpeakerRole.Agent
        && f.Text.Span.End >= silence.Span.Start - lookback
        && f.Text.Span.Start <= silence.Span.Start
        && _rule.Set("announcements").Says(f.Text));

    private void Settle()
    {
        if (_hold is not { } hold)
        {
            return;
        }

        _hold = null;
        if (_answered)
        {
            return;
        }

        var missing = _rule.Rule.Type == RuleType.HoldTooLong ? "没有致歉（让您久等了/抱歉）" : "没有感谢客户等待";
        scope.Violations.Emit(
            _rule, SpeakerRole.Agent, hold.Span, null,
            $"等待 {Evidence.Seconds(hold.Span.Duration)} 秒后，坐席回到线上{missing}",
            [Evidence.Acoustic], 1.0, ViolationState.Confirmed);
    }
}
