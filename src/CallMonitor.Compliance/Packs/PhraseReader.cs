using System.Text.RegularExpressions;
using CallMonitor.Chinese.Matching;
using CallMonitor.Chinese.Normalization;
using CallMonitor.Compliance.Rules;
using YamlDotNet.RepresentationModel;

namespace CallMonitor.Compliance.Packs;

/// <summary>
/// Reads phrase lists: each item is a phrase (<c>- 不清楚</c>), a phrase with settings
/// (<c>- {text: 喂, position: utterance_start, kwsThreshold: 0.45}</c>) or a regular expression
/// (<c>- {regex: '工号[零一二三四五六七八九幺]+'}</c>). Phrases are normalised; the pack-wide count is bounded.
/// </summary>
internal sealed class PhraseReader(PackNodes nodes)
{
    private static readonly string[] PhraseKeys = ["text", "position", "kwsThreshold", "kwsBoost"];
    private static readonly string[] PatternKeys = ["regex"];

    public int Count { get; private set; }

    public PhraseSet ReadSet(YamlNode node, string name, string what, bool allowPatterns)
    {
        var phrases = new List<RulePhrase>();
        var patterns = new List<RulePattern>();
        var seen = new Dictionary<string, RulePhrase>(StringComparer.Ordinal);
        foreach (var item in nodes.Sequence(node, what).Children)
        {
            if (item is YamlMappingNode map && PackNodes.Optional(map, "regex") is { } regexNode)
            {
                if (!allowPatterns)
                {
                    throw nodes.Error(map, $"{what} takes phrases only, not regular expressions");
                }

                nodes.OnlyKeys(map, $"a pattern of {what}", PatternKeys);
                patterns.Add(ReadPattern(regexNode, what));
                continue;
            }

            var phrase = ReadPhrase(item, what);
            if (seen.TryGetValue(phrase.Text, out var earlier))
            {
                throw nodes.Error(item, $"phrase '{phrase.Display}' repeats '{earlier.Display}' (line {earlier.Line}) in {what}; after normalisation both read '{phrase.Text}'");
            }

            seen.Add(phrase.Text, phrase);
            phrases.Add(phrase);
        }

        if (phrases.Count == 0 && patterns.Count == 0)
        {
            throw nodes.Error(node, $"{what} is empty; give at least one phrase or remove it");
        }

        return new PhraseSet(name, phrases, patterns);
    }

    public RulePhrase ReadPhrase(YamlNode item, string what)
    {
        if (item is not YamlMappingNode map)
        {
            return Compile(item, nodes.String(item, $"a phrase of {what}"), what);
        }

        nodes.Visit(map);
        nodes.OnlyKeys(map, $"a phrase of {what}", PhraseKeys);
        var textNode = nodes.Required(map, "text", $"a phrase of {what}");
        var phrase = Compile(textNode, nodes.String(textNode, $"the text of a phrase of {what}"), what);
        return new RulePhrase(phrase.Text, phrase.Display, phrase.Line, phrase.Column)
        {
            Anchor = PackNodes.Optional(map, "position") is { } p ? ReadPosition(p) : PhraseAnchor.Anywhere,
            KwsThreshold = PackNodes.Optional(map, "kwsThreshold") is { } t ? (float)nodes.NumberIn(t, "kwsThreshold", 0.01, 0.99) : null,
            KwsBoost = PackNodes.Optional(map, "kwsBoost") is { } b ? (float)nodes.NumberIn(b, "kwsBoost", 0, 10) : null,
        };
    }

    private RulePhrase Compile(YamlNode node, string display, string what)
    {
        Count++;
        if (Count > RulePackLimits.MaxPhrases)
        {
            throw nodes.Error(node, $"the pack has more than {RulePackLimits.MaxPhrases:N0} phrases, exceptions and patterns; split it into smaller packs");
        }

        display = display.Trim();
        if (display.Length > RulePackLimits.MaxPhraseLength)
        {
            throw nodes.Error(node, $"phrase in {what} is {display.Length} characters long; the limit is {RulePackLimits.MaxPhraseLength}");
        }

        var text = ChineseTextNormalizer.Normalize(display).Text;
        if (text.Length == 0)
        {
            throw nodes.Error(node, display.Length == 0
                ? $"empty phrase in {what}"
                : $"phrase '{display}' in {what} is empty after normalisation (only punctuation or spaces)");
        }

        return new RulePhrase(text, display, (int)node.Start.Line, (int)node.Start.Column);
    }

    private PhraseAnchor ReadPosition(YamlNode node) => nodes.String(node, "position") switch
    {
        "anywhere" => PhraseAnchor.Anywhere,
        "utterance_start" => PhraseAnchor.TextStart,
        var other => throw nodes.Error(node, $"unknown position '{other}'; expected anywhere or utterance_start"),
    };

    private RulePattern ReadPattern(YamlNode node, string what)
    {
        Count++;
        if (Count > RulePackLimits.MaxPhrases)
        {
            throw nodes.Error(node, $"the pack has more than {RulePackLimits.MaxPhrases:N0} phrases, exceptions and patterns; split it into smaller packs");
        }

        var pattern = nodes.NonEmptyString(node, $"a regex of {what}");
        if (pattern.Length > RulePackLimits.MaxRegexLength)
        {
            throw nodes.Error(node, $"regex in {what} is {pattern.Length} characters long; the limit is {RulePackLimits.MaxRegexLength}");
        }

        if (pattern.FirstOrDefault(c => c >= '\u3400' && ChineseTextNormalizer.ToSimplified(c) != c) is var traditional and not '\0')
        {
            throw nodes.Error(node, $"regex '{pattern}' contains the traditional character '{traditional}'; write patterns in simplified characters (they run on normalised text)");
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RulePackLimits.RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new RulePackException(nodes.Source, (int)node.Start.Line, (int)node.Start.Column, $"regex '{pattern}' in {what} does not compile: {ex.Message}", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new RulePackException(nodes.Source, (int)node.Start.Line, (int)node.Start.Column, $"regex '{pattern}' in {what} uses a construct rule packs do not allow (backreferences, lookarounds, atomic groups and conditionals can take exponential time): {ex.Message}", ex);
        }

        if (regex.IsMatch(string.Empty))
        {
            throw nodes.Error(node, $"regex '{pattern}' in {what} matches empty text, so it would match everywhere");
        }

        return new RulePattern(pattern, regex, (int)node.Start.Line, (int)node.Start.Column);
    }
}
