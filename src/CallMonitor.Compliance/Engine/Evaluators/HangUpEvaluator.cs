using CallMonitor.Compliance.Engine.Matching;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// <c>agent_hung_up_first</c>: the agent hung up while the customer had not (the customer's hang-up came more than
/// <c>graceSeconds</c> later, or never). Excused when the agent announced it (我挂线了) at least
/// <c>noticeWaitSeconds</c> before hanging up. Needs a hang-up event from the agent; decided when the call is complete.
/// </summary>
internal sealed class HangUpEvaluator(EvaluationScope scope) : IRuleEvaluator
{
    private readonly CompiledRule _rule = scope.Rule;
    private readonly List<UtteranceText> _notices = [];
    private TimeSpan? _agent;
    private TimeSpan? _customer;

    public void Accept(CallEvent e)
    {
        switch (e)
        {
            case CallHungUp { Role: SpeakerRole.Agent } agent:
                _agent ??= agent.Span.Start;
                break;
            case CallHungUp { Role: SpeakerRole.Customer } customer:
                _customer ??= customer.Span.Start;
                break;
            case UtteranceRecognized { Role: SpeakerRole.Agent } u:
                var text = UtteranceText.Of(u);
                if (_rule.Set("notices").Says(text))
                {
                    _notices.Add(text);
                }

                break;
        }
    }

    public void Complete(TimeSpan callEnd)
    {
        if (_agent is not { } agent)
        {
            return;
        }

        var parameters = _rule.Rule.Parameters;
        var grace = TimeSpan.FromSeconds(parameters.Number("graceSeconds"));
        if (_customer is { } customer && customer <= agent + grace)
        {
            return;
        }

        var wait = TimeSpan.FromSeconds(parameters.Number("noticeWaitSeconds"));
        if (_notices.Exists(n => n.Span.End <= agent - wait))
        {
            return;
        }

        var evidence = _customer is { } c
            ? $"坐席在 {Evidence.Seconds(agent)} 秒挂机，客户在 {Evidence.Seconds(c)} 秒才挂机"
            : $"坐席在 {Evidence.Seconds(agent)} 秒挂机，客户没有先挂机";
        scope.Violations.Emit(_rule, SpeakerRole.Agent, new AudioInterval(agent, agent), null, evidence, [Evidence.Acoustic], 1.0, ViolationState.Confirmed);
    }
}
