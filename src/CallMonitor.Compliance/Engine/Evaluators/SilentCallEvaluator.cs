using System.Globalization;
using CallMonitor.Compliance.Engine.Matching;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// <c>silent_call_protocol</c>: when the customer never makes a sound (no utterance, partial, keyword or speech
/// segment on the customer's channel) before the agent ends the call, the agent must have prompted
/// <c>requiredPrompts</c> times (utterances holding a <c>prompts</c> or <c>farewells</c> phrase; the opening
/// greeting is the first) and the last of them must tell the customer the line is silent (<c>farewells</c>); the
/// pauses between prompts should be about <c>silenceSeconds</c>, and a hang-up sooner than that after the first
/// greeting is always a violation. Decided when the agent hangs up, or at the end of the call when no hang-up is
/// known (then with less confidence: the customer may have hung up). A customer hang-up, any sound from the
/// customer, speech on a mixed (mono) channel, or no agent text at all means there is nothing to judge.
/// </summary>
internal sealed class SilentCallEvaluator(EvaluationScope scope) : IRuleEvaluator
{
    /// <summary>Confidence when the call just ends without a known hang-up.</summary>
    private const double UnknownHangUp = 0.6;

    private readonly CompiledRule _rule = scope.Rule;
    private readonly List<(UtteranceText Text, string Source, bool Farewell)> _prompts = [];
    private readonly HashSet<string> _sources = new(StringComparer.Ordinal);
    private TimeSpan? _firstAgentSpeech;
    private bool _decided;

    public void Accept(CallEvent e)
    {
        if (_decided)
        {
            return;
        }

        switch (e)
        {
            case CallHungUp { Role: SpeakerRole.Agent } hangUp:
                Decide(hangUp.Span.Start, 1.0);
                break;
            case CallHungUp { Role: SpeakerRole.Customer }:
                _decided = true;
                break;
            case UtteranceRecognized { Role: SpeakerRole.Customer } u when u.Text.Length > 0:
            case PartialTranscriptUpdated { Role: SpeakerRole.Customer }:
            case KeywordSpotted { Role: SpeakerRole.Customer }:
            case SpeechSegmentDetected { Role: SpeakerRole.Customer }:
            case UtteranceRecognized { Role: SpeakerRole.Mixed }:
            case SpeechSegmentDetected { Role: SpeakerRole.Mixed }:
                // The customer spoke, or (mono recording) nobody can tell whether they did.
                _decided = true;
                break;
            case UtteranceRecognized { Role: SpeakerRole.Agent } u:
                OnAgent(u);
                break;
        }
    }

    public void Complete(TimeSpan callEnd)
    {
        if (!_decided)
        {
            Decide(callEnd, UnknownHangUp);
        }
    }

    private void OnAgent(UtteranceRecognized u)
    {
        var text = UtteranceText.Of(u);
        if (text.SpokenLength == 0)
        {
            return;
        }

        _firstAgentSpeech ??= u.Span.Start;
        _sources.Add(u.Source);
        var farewell = _rule.Set("farewells").Says(text);
        if (farewell || _rule.Set("prompts").Says(text))
        {
            _prompts.Add((text, u.Source, farewell));
        }
    }

    private void Decide(TimeSpan end, double confidence)
    {
        _decided = true;
        if (_firstAgentSpeech is not { } first)
        {
            return;
        }

        var required = (int)_rule.Rule.Parameters.Number("requiredPrompts");
        var pause = _rule.Rule.Parameters.Number("silenceSeconds");
        var problems = new List<string>();
        if (_prompts.Count < required)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"客户无声，坐席只问候 {_prompts.Count} 次就结束通话（应约每 {pause:0} 秒重复，共 {required} 次）"));
        }

        if (_prompts.Count == 0 || !_prompts[^1].Farewell)
        {
            problems.Add("挂机前没有告知客户电话无声（您的电话没有声音…请稍后再拨）");
        }

        if ((end - first).TotalSeconds < pause)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"开口后 {(end - first).TotalSeconds:0.0} 秒就结束通话，未等满 {pause:0} 秒"));
        }

        if (problems.Count == 0)
        {
            return;
        }

        var said = _prompts.Count == 0 ? "（无问候）" : string.Join(" / ", _prompts.Select(p => p.Text.Original));
        scope.Violations.Emit(
            _rule, SpeakerRole.Agent, new AudioInterval(first, end < first ? first : end), null,
            $"{string.Join("；", problems)}。坐席说：{said}",
            _sources, confidence, ViolationState.Confirmed);
    }
}
