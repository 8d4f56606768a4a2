using System.Globalization;
using CallMonitor.Chinese.Matching;
using CallMonitor.Compliance.Rules;

namespace CallMonitor.Benchmarks.Matcher;

/// <summary>
/// The default pack's literal phrases as the compliance engine compiles them: one <see cref="PhrasePattern"/> per
/// phrase with its rule's tolerance, its anchor and its context exceptions, grouped per rule phrase set (the engine
/// builds one matcher per set, plus the greeting rule's time-of-day and holiday sets).
/// </summary>
internal static class PackPatterns
{
    /// <summary>Each phrase set of the pack (<c>rule/set</c>) with its patterns.</summary>
    public static IReadOnlyList<(string Set, IReadOnlyList<PhrasePattern> Patterns)> Sets(RulePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var sets = new List<(string, IReadOnlyList<PhrasePattern>)>();
        foreach (var rule in pack.Rules)
        {
            foreach (var (name, set) in rule.PhraseSets.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                Add(sets, $"{rule.Id}/{name}", set.Phrases, rule.Tolerance);
            }

            if (rule.Type == RuleType.MissingGreeting)
            {
                Add(sets, $"{rule.Id}/timeOfDay", [.. rule.TimeOfDay.Select(t => t.Phrase)], rule.Tolerance);
                Add(sets, $"{rule.Id}/holidays", [.. pack.Calendar.SelectMany(h => h.Greetings).DistinctBy(p => p.Text)], rule.Tolerance);
            }
        }

        return sets;
    }

    /// <summary>The regular-expression phrases of the pack (run by the engine next to the matchers; not part of the comparison).</summary>
    public static int RegexCount(RulePack pack) => pack.Rules.Sum(r => r.PhraseSets.Values.Sum(s => s.Patterns.Count));

    private static void Add(List<(string, IReadOnlyList<PhrasePattern>)> sets, string id, IReadOnlyList<RulePhrase> phrases, PinyinTolerance tolerance)
    {
        if (phrases.Count == 0)
        {
            return;
        }

        sets.Add((id, [.. phrases.Select((p, i) => new PhrasePattern(string.Create(CultureInfo.InvariantCulture, $"{id}/{i}"), p.Text, tolerance)
        {
            Exceptions = p.Exceptions,
            Anchor = p.Anchor,
        })]));
    }
}
