using CallMonitor.Domain.Events;

namespace CallMonitor.Compliance.Scoring;

/// <summary>
/// Scores one call on a pack's <see cref="ScoringForm"/> from its violations. Only the last state of each violation
/// (by <see cref="ViolationDetected.ViolationId"/>, in the order given) counts, and only a confirmed one deducts:
/// provisional and retracted violations never cost points. Deterministic: the same form and violations give the
/// same score whatever their order within one violation id's history.
/// </summary>
public static class CallScorer
{
    /// <summary>The note on every item that a person must judge.</summary>
    public const string NotJudgedNote = "not judged automatically: a supervisor scores this item";

    /// <summary>Scores a call.</summary>
    /// <param name="form">The pack's scoring form.</param>
    /// <param name="violations">Every violation event of the call, in the order they were raised (updates after the events they update).</param>
    public static CallScore Score(ScoringForm form, IEnumerable<ViolationDetected> violations)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(violations);
        var confirmed = ConfirmedByRule(violations);
        var sections = form.Sections.Select(s => ScoreSection(s, confirmed)).ToList();

        double SumOf(string kind) => sections.Where(s => s.Kind == kind).Sum(s => s.Points);
        var basePoints = Round(SumOf(KindName(ScoringSectionKind.Score)));
        var bonus = Round(SumOf(KindName(ScoringSectionKind.Bonus)));
        var penalty = Round(SumOf(KindName(ScoringSectionKind.Penalty)));
        var scored = form.Items.SelectMany(i => i.Deductions.Select(d => d.RuleId).Concat(i.Triggers)).ToHashSet(StringComparer.Ordinal);
        var unscored = confirmed.Keys.Where(id => !scored.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return new CallScore(
            Math.Max(0, Round(basePoints + bonus + penalty)),
            form.Total,
            basePoints,
            bonus,
            penalty,
            form.ManualPoints(ScoringSectionKind.Score),
            sections,
            unscored);
    }

    /// <summary>The wire name of a section kind (<c>score</c>, <c>bonus</c>, <c>penalty</c>).</summary>
    public static string KindName(ScoringSectionKind kind) => kind switch
    {
        ScoringSectionKind.Score => "score",
        ScoringSectionKind.Bonus => "bonus",
        ScoringSectionKind.Penalty => "penalty",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown scoring section kind"),
    };

    /// <summary>Confirmed violation ids per rule id, after keeping only the last state of each violation.</summary>
    private static Dictionary<string, List<string>> ConfirmedByRule(IEnumerable<ViolationDetected> violations)
    {
        var last = new Dictionary<string, ViolationDetected>(StringComparer.Ordinal);
        var anonymous = 0;
        foreach (var v in violations)
        {
            ArgumentNullException.ThrowIfNull(v, nameof(violations));

            // A violation without an id cannot be updated later: it stands on its own.
            var key = string.IsNullOrEmpty(v.ViolationId) ? $"\0{anonymous++}" : v.ViolationId;
            last[key] = v;
        }

        var byRule = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, v) in last.Where(p => p.Value.State == ViolationState.Confirmed))
        {
            if (!byRule.TryGetValue(v.RuleId, out var ids))
            {
                byRule[v.RuleId] = ids = [];
            }

            ids.Add(string.IsNullOrEmpty(v.ViolationId) ? "(no id)" : key);
        }

        foreach (var ids in byRule.Values)
        {
            ids.Sort(StringComparer.Ordinal);
        }

        return byRule;
    }

    private static ScoredSection ScoreSection(ScoringSection section, Dictionary<string, List<string>> confirmed)
    {
        var items = section.Items
            .Select(i => section.Kind == ScoringSectionKind.Score
                ? ScoreItem(section, i, confirmed)
                : TriggerItem(section, i, confirmed))
            .ToList();
        return new ScoredSection(section.Id, section.Name, KindName(section.Kind), section.Points, Round(items.Sum(i => i.Points)), items);
    }

    private static ScoredItem ScoreItem(ScoringSection section, ScoringItem item, Dictionary<string, List<string>> confirmed)
    {
        if (!item.Automated)
        {
            return new ScoredItem(item.Id, section.Name, item.Name, item.Basis, item.Points, item.Points, false, [], NotJudgedNote);
        }

        var deductions = new List<ScoredDeduction>();
        foreach (var d in item.Deductions)
        {
            if (confirmed.TryGetValue(d.RuleId, out var ids))
            {
                deductions.Add(new ScoredDeduction(d.RuleId, ids.Count, Round(Math.Min(d.For(ids.Count), item.Points)), ids));
            }
        }

        var taken = Math.Min(item.Points, deductions.Sum(d => d.Points));
        return new ScoredItem(item.Id, section.Name, item.Name, item.Basis, item.Points, Round(item.Points - taken), true, deductions, null);
    }

    /// <summary>A bonus or penalty item applies its points once when any of its trigger rules fired.</summary>
    private static ScoredItem TriggerItem(ScoringSection section, ScoringItem item, Dictionary<string, List<string>> confirmed)
    {
        if (!item.Automated)
        {
            return new ScoredItem(item.Id, section.Name, item.Name, item.Basis, item.Points, 0, false, [], NotJudgedNote);
        }

        var fired = new List<ScoredDeduction>();
        foreach (var ruleId in item.Triggers)
        {
            if (confirmed.TryGetValue(ruleId, out var ids))
            {
                // Applied once: the first firing rule carries the points, any others are listed at 0.
                fired.Add(new ScoredDeduction(ruleId, ids.Count, fired.Count == 0 ? item.Points : 0, ids));
            }
        }

        return new ScoredItem(item.Id, section.Name, item.Name, item.Basis, item.Points, fired.Count > 0 ? item.Points : 0, true, fired, null);
    }

    private static double Round(double points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);
}
