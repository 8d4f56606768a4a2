using CallMonitor.Chinese.Matching;
using CallMonitor.Chinese.Normalization;
using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Tests.Packs;

/// <summary>
/// Which forbidden-phrase rules of a pack would fire on an utterance if it were matched exactly: a literal
/// phrase inside the normalised text (at its start when anchored) or a pattern matching it, not inside one of
/// the rule's exceptions. A stand-in for the matcher, to test the pack's data (the matcher has its own tests).
/// </summary>
internal static class PackCoverage
{
    public static IReadOnlyList<string> FiringRules(RulePack pack, string utterance, RuleType type = RuleType.ForbiddenPhrase)
    {
        var text = ChineseTextNormalizer.Normalize(utterance).Text;
        return [.. pack.OfType(type).Where(rule => Fires(rule, text)).Select(r => r.Id)];
    }

    private static bool Fires(Rule rule, string text)
    {
        foreach (var set in rule.PhraseSets.Values)
        {
            if (set.Patterns.Any(p => p.Regex.IsMatch(text)))
            {
                return true;
            }

            foreach (var phrase in set.Phrases)
            {
                if (Occurrences(phrase, text).Any(at => !InsideException(phrase, text, at)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<int> Occurrences(RulePhrase phrase, string text)
    {
        if (phrase.Anchor == PhraseAnchor.TextStart)
        {
            if (text.StartsWith(phrase.Text, StringComparison.Ordinal))
            {
                yield return 0;
            }

            yield break;
        }

        for (var at = text.IndexOf(phrase.Text, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(phrase.Text, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    private static bool InsideException(RulePhrase phrase, string text, int at)
    {
        foreach (var exception in phrase.Exceptions)
        {
            for (var start = text.IndexOf(exception, StringComparison.Ordinal); start >= 0;
                 start = text.IndexOf(exception, start + 1, StringComparison.Ordinal))
            {
                if (start <= at && at + phrase.Text.Length <= start + exception.Length)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
