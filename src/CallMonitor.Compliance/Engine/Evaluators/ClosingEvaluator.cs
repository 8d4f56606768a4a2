using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// <c>missing_closing</c>: the agent's utterances ending within <c>withinSeconds</c> of the agent's last word must
/// offer further help, thank the caller and say goodbye (each as the pack requires). Decided when the call is
/// complete; a call in which the agent never spoke is left to the greeting rule, and a call in which the customer
/// never made a sound is left to the silent-call protocol, whose farewell (您的电话没有声音…) replaces the closing.
/// </summary>
internal sealed class ClosingEvaluator(EvaluationScope scope) : IRuleEvaluator
{
    private readonly CompiledRule _rule = scope.Rule;
    private readonly List<(UtteranceRecognized Event, Matching.UtteranceText Text)> _agent = [];
    private bool _customerHeard;

    public void Accept(CallEvent e)
    {
        if (e.Role == SpeakerRole.Customer && e is UtteranceRecognized or PartialTranscriptUpdated or KeywordSpotted or SpeechSegmentDetected)
        {
            _customerHeard = true;
        }

        if (e is UtteranceRecognized u && _rule.Judges(u.Role) && u.Role != SpeakerRole.Customer)
        {
            _agent.Add((u, Matching.UtteranceText.Of(u)));
        }
    }

    public void Complete(TimeSpan callEnd)
    {
        if (_agent.Count == 0 || !_customerHeard)
        {
            return;
        }

        var parameters = _rule.Rule.Parameters;
        var last = _agent.Max(a => a.Event.Span.End);
        var window = _agent.Where(a => a.Event.Span.End >= last - TimeSpan.FromSeconds(parameters.Number("withinSeconds"))).ToList();
        var problems = new List<string>();
        Require(window, "offers", parameters.Flag("requireOffer"), "没有询问“请问还有什么可以帮您”", problems);
        Require(window, "thanks", parameters.Flag("requireThanks"), "没有感谢客户来电", problems);
        Require(window, "farewells", parameters.Flag("requireFarewell"), "没有道别（再见）", problems);
        if (problems.Count == 0)
        {
            return;
        }

        var span = new AudioInterval(window.Min(a => a.Event.Span.Start), last);
        var said = string.Join(" / ", window.Select(a => a.Event.Text));
        scope.Violations.Emit(
            _rule, SpeakerRole.Agent, span, null, $"{string.Join("；", problems)}。坐席结束语：{said}", window.Select(a => a.Event.Source), 1.0, ViolationState.Confirmed);
    }

    private void Require(
        List<(UtteranceRecognized Event, Matching.UtteranceText Text)> window, string set, bool required, string problem, List<string> problems)
    {
        var matcher = _rule.Set(set);
        if (required && !matcher.IsEmpty && !window.Exists(a => matcher.Says(a.Text)))
        {
            problems.Add(problem);
        }
    }
}
