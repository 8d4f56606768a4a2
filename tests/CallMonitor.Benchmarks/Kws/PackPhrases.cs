using CallMonitor.Compliance.Rules;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>The rule pack's spoken phrases, one entry per distinct text (the pack is the only phrase list).</summary>
internal static class PackPhrases
{
    /// <summary>Distinct phrases of <paramref name="pack"/>, ordered by category then text, and notes on conflicts.</summary>
    public static (IReadOnlyList<PackPhrase> Phrases, IReadOnlyList<string> Notes) From(RulePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var notes = new List<string>();
        var phrases = new List<PackPhrase>();
        foreach (var group in pack.SpokenPhrases().GroupBy(p => p.Text, StringComparer.Ordinal))
        {
            var all = group.ToList();
            var roles = all.Select(p => p.Role).Distinct().ToList();
            if (roles.Count > 1)
            {
                notes.Add($"{group.Key}: spoken by {string.Join(" and ", roles)}; benchmarked as {roles[0]}");
            }

            var thresholds = all.Select(p => p.KwsThreshold).Distinct().ToList();
            if (thresholds.Count > 1)
            {
                notes.Add($"{group.Key}: kws thresholds {string.Join(", ", thresholds.Select(t => t?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"))} in different rules; the spotter takes the first");
            }

            phrases.Add(new PackPhrase(
                group.Key,
                [.. all.Select(Category).Distinct(StringComparer.Ordinal)],
                [.. all.Select(p => p.RuleId).Distinct(StringComparer.Ordinal)],
                roles[0],
                all[0].KwsThreshold,
                all[0].KwsBoost));
        }

        return ([.. phrases.OrderBy(p => p.Category, StringComparer.Ordinal).ThenBy(p => p.Text, StringComparer.Ordinal)], notes);
    }

    /// <summary>"forbidden", "greeting", "closing", "hold" … from the rule type, with the phrase set unless it is the main one.</summary>
    public static string Category(SpokenPhrase phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var type = phrase.RuleType switch
        {
            "forbidden_phrase" => "forbidden",
            "missing_greeting" => "greeting",
            "missing_closing" => "closing",
            "hold_without_thanks" or "hold_too_long" or "long_silence" => "hold",
            "silent_call_protocol" => "silent-call",
            "escalation_cue" => "escalation",
            _ => phrase.RuleType,
        };
        return phrase.Set == "phrases" ? type : $"{type}/{phrase.Set}";
    }
}
