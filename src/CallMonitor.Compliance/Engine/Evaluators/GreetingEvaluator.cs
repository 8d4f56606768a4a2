using System.Globalization;
using CallMonitor.Chinese.Normalization;
using CallMonitor.Compliance.Engine.Matching;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// <c>missing_greeting</c>: the agent's first utterances (at most <c>maxUtterances</c>, starting within
/// <c>withinSeconds</c> of the first) must hold a salutation and an offer of help, and per the pack the centre or
/// agent id, the time-of-day salutation for the call's local start time, and the holiday greeting on a calendar
/// holiday. A time-of-day salutation that does not fit the start time is flagged as wrong. Without a local start
/// time the time-of-day and holiday checks are skipped. Decided as soon as the opening is over.
/// </summary>
internal sealed class GreetingEvaluator(EvaluationScope scope) : IRuleEvaluator
{
    private readonly CompiledRule _rule = scope.Rule;
    private readonly List<(UtteranceText Text, string Source)> _opening = [];
    private bool _decided;

    private int MaxUtterances => (int)_rule.Rule.Parameters.Number("maxUtterances");

    private TimeSpan Within => TimeSpan.FromSeconds(_rule.Rule.Parameters.Number("withinSeconds"));

    public void Accept(CallEvent e)
    {
        if (_decided || e is not UtteranceRecognized u || !_rule.Judges(u.Role))
        {
            return;
        }

        if (_opening.Count > 0 && u.Span.Start > _opening[0].Text.Span.Start + Within)
        {
            Decide(u.Span.Start);
            return;
        }

        _opening.Add((UtteranceText.Of(u), u.Source));
        if (_opening.Count >= MaxUtterances)
        {
            Decide(u.Span.End);
        }
    }

    public void Complete(TimeSpan callEnd)
    {
        if (!_decided)
        {
            Decide(callEnd);
        }
    }

    private void Decide(TimeSpan now)
    {
        _decided = true;
        if (_opening.Count == 0)
        {
            // Only a transcript shows the agent said nothing; with no transcript at all (spotter-only) there is nothing to judge.
            if (scope.History.Finals.Count > 0)
            {
                scope.Violations.Emit(_rule, Role, new AudioInterval(TimeSpan.Zero, now), null, "转写中坐席没有说话，没有问候", scope.History.Finals.Select(f => f.Source), 1.0, ViolationState.Confirmed);
            }

            return;
        }

        var problems = new List<string>();
        var saidTimeOfDay = Said(GreetingSets.TimeOfDay);
        var saidHoliday = Said(GreetingSets.Holidays);
        if (!_opening.Any(o => _rule.Set("salutations").Says(o.Text)) && saidTimeOfDay.Count == 0 && saidHoliday.Count == 0)
        {
            problems.Add("缺少问候语（您好）");
        }

        if (!_opening.Any(o => _rule.Set("offers").Says(o.Text)))
        {
            problems.Add("缺少“很高兴为您服务/请问有什么可以帮您”");
        }

        if (_rule.Rule.Parameters.Flag("requireIdentity") && !_opening.Any(o => _rule.Set("identity").Says(o.Text)))
        {
            problems.Add("没有报中心名称或工号");
        }

        if (scope.Context.LocalStart is { } start)
        {
            CheckTimeOfDay(TimeOnly.FromDateTime(start.DateTime), saidTimeOfDay, problems);
            CheckHoliday(DateOnly.FromDateTime(start.DateTime), saidHoliday, problems);
        }

        if (problems.Count > 0)
        {
            var span = new AudioInterval(_opening[0].Text.Span.Start, _opening.Max(o => o.Text.Span.End));
            var said = string.Join(" / ", _opening.Select(o => o.Text.Original));
            scope.Violations.Emit(
                _rule, Role, span, null, $"{string.Join("；", problems)}。坐席开场：{said}", _opening.Select(o => o.Source), 1.0, ViolationState.Confirmed);
        }
    }

    private void CheckTimeOfDay(TimeOnly local, IReadOnlyList<string> said, List<string> problems)
    {
        var fitting = _rule.Rule.TimeOfDay.Where(t => t.Covers(local)).Select(t => t.Phrase.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var wrong in said.Where(s => !fitting.Contains(s)).Distinct(StringComparer.Ordinal))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"时段问候“{wrong}”与通话开始时间 {local:HH\\:mm} 不符"));
        }

        if (_rule.Rule.Parameters.Flag("requireTimeOfDay") && fitting.Count > 0 && !said.Any(fitting.Contains))
        {
            problems.Add($"缺少时段问候（{string.Join("/", fitting)}）");
        }
    }

    private void CheckHoliday(DateOnly date, IReadOnlyList<string> said, List<string> problems)
    {
        if (!_rule.Rule.Parameters.Flag("requireHoliday"))
        {
            return;
        }

        foreach (var holiday in scope.Violations.Pack.HolidaysOn(date))
        {
            var greetings = holiday.Greetings.Select(g => g.Text).ToList();
            if (!said.Any(greetings.Contains))
            {
                problems.Add($"{holiday.Name}期间缺少节日问候（{string.Join("/", holiday.Greetings.Select(g => g.Display))}）");
            }
        }
    }

    /// <summary>Normalised texts of the phrases of set <paramref name="name"/> said in the opening.</summary>
    private List<string> Said(string name) => [.. _opening
        .SelectMany(o => _rule.Set(name).Find(o.Text))
        .Where(h => !h.IsSuppressed)
        .Select(h => ChineseTextNormalizer.Normalize(h.Phrase).Text)];

    private SpeakerRole Role => _rule.Rule.Role == SpeakerRole.Conversation ? SpeakerRole.Agent : _rule.Rule.Role;
}
