using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Scoring;

/// <summary>
/// The scoring form of a pack (from the seeds' 服务质量评估表): sections of items with their points and the rules
/// that deduct from them. Validated when the pack loads: points add up, every referenced rule exists.
/// </summary>
public sealed class ScoringForm
{
    internal ScoringForm(IReadOnlyList<RuleSource> sources, double total, IReadOnlyList<ScoringSection> sections)
    {
        Sources = Frozen.List(sources);
        Total = total;
        Sections = Frozen.List(sections);
    }

    /// <summary>The form the scoring follows.</summary>
    public IReadOnlyList<RuleSource> Sources { get; }

    /// <summary>Full marks of the base score (the score sections' points).</summary>
    public double Total { get; }

    public IReadOnlyList<ScoringSection> Sections { get; }

    /// <summary>Every item of every section, in form order.</summary>
    public IEnumerable<ScoringItem> Items => Sections.SelectMany(s => s.Items);

    /// <summary>Points of the items that need a person (not automated), by section kind.</summary>
    public double ManualPoints(ScoringSectionKind kind) =>
        Sections.Where(s => s.Kind == kind).SelectMany(s => s.Items).Where(i => !i.Automated).Sum(i => i.Points);

    /// <summary>Every item a rule affects, with how (a deduction, or null for a bonus/penalty trigger).</summary>
    public IEnumerable<(ScoringItem Item, ScoringDeduction? Deduction)> ItemsFor(string ruleId)
    {
        foreach (var item in Items)
        {
            foreach (var deduction in item.Deductions.Where(d => d.RuleId == ruleId))
            {
                yield return (item, deduction);
            }

            if (item.Triggers.Contains(ruleId))
            {
                yield return (item, null);
            }
        }
    }
}
