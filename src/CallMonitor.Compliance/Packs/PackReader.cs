using System.Text.RegularExpressions;
using CallMonitor.Compliance.Rules;
using YamlDotNet.RepresentationModel;

namespace CallMonitor.Compliance.Packs;

/// <summary>Reads the top level of a pack (id, version, locale, rules …) into a <see cref="RulePack"/>.</summary>
internal sealed partial class PackReader
{
    private static readonly string[] TopKeys = ["id", "version", "locale", "description", "calendar", "metrics", "rules", "scoring"];

    private readonly PackNodes _nodes;
    private readonly PhraseReader _phrases;
    private readonly RuleReader _rules;
    private readonly CalendarReader _calendar;

    public PackReader(string source)
    {
        _nodes = new PackNodes(source);
        _phrases = new PhraseReader(_nodes);
        _rules = new RuleReader(_nodes, _phrases);
        _calendar = new CalendarReader(_nodes, _phrases);
    }

    public RulePack Read(YamlMappingNode root)
    {
        _nodes.OnlyKeys(root, "the pack", TopKeys);
        var idNode = _nodes.Required(root, "id", "the pack");
        var id = _nodes.NonEmptyString(idNode, "the pack id");
        if (!PackIdPattern().IsMatch(id))
        {
            throw _nodes.Error(idNode, $"pack id '{id}' must be lower-case letters, digits, '.', '_' or '-'");
        }

        var versionNode = _nodes.Required(root, "version", "the pack");
        var version = _nodes.NonEmptyString(versionNode, "the pack version");
        if (!SemanticVersion().IsMatch(version))
        {
            throw _nodes.Error(versionNode, $"pack version '{version}' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0)");
        }

        var localeNode = _nodes.Required(root, "locale", "the pack");
        var locale = _nodes.NonEmptyString(localeNode, "the pack locale");
        if (!locale.StartsWith("zh", StringComparison.Ordinal))
        {
            throw _nodes.Error(localeNode, $"locale '{locale}' is not supported: phrases are matched as Chinese (zh-CN, zh-TW …)");
        }

        var description = PackNodes.Optional(root, "description") is { } d ? _nodes.NonEmptyString(d, "the pack description") : string.Empty;
        var calendar = PackNodes.Optional(root, "calendar") is { } c ? _calendar.Calendar(c) : [];
        var metrics = PackNodes.Optional(root, "metrics") is { } m ? _calendar.Metrics(m) : [];
        var rules = ReadRules(_nodes.Required(root, "rules", "the pack"));
        var byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var scoring = PackNodes.Optional(root, "scoring") is { } s ? new ScoringReader(_nodes, byId).Read(s) : null;
        return new RulePack(id, version, locale, _nodes.Source, rules)
        {
            Description = description,
            Calendar = calendar,
            Metrics = metrics,
            Scoring = scoring,
        };
    }

    private List<Rule> ReadRules(YamlNode node)
    {
        var list = _nodes.Sequence(node, "rules");
        if (list.Children.Count == 0)
        {
            throw _nodes.Error(list, "the pack has no rules");
        }

        if (list.Children.Count > RulePackLimits.MaxRules)
        {
            throw _nodes.Error(list, $"the pack has {list.Children.Count} rules; the limit is {RulePackLimits.MaxRules}");
        }

        var rules = new List<Rule>();
        var byId = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            var rule = _rules.Read(item);
            if (byId.TryGetValue(rule.Id, out var first))
            {
                var idNode = PackNodes.Optional((YamlMappingNode)item, "id")!;
                throw _nodes.Error(idNode, $"duplicate rule id '{rule.Id}': already used by the rule at line {first.Line}");
            }

            byId.Add(rule.Id, rule);
            rules.Add(rule);
        }

        CheckSharedPhrases(rules);
        return rules;
    }

    /// <summary>
    /// The same phrase in two rules of a counting type (forbidden phrases, escalation cues) would report one
    /// utterance twice under two rule ids; the author must pick one rule for it.
    /// </summary>
    private void CheckSharedPhrases(List<Rule> rules)
    {
        foreach (var group in rules.Where(r => r.Type is RuleType.ForbiddenPhrase or RuleType.EscalationCue).GroupBy(r => r.Type))
        {
            var seen = new Dictionary<string, (Rule Rule, RulePhrase Phrase)>(StringComparer.Ordinal);
            foreach (var rule in group)
            {
                foreach (var phrase in rule.PhraseSets.Values.SelectMany(s => s.Phrases))
                {
                    if (seen.TryGetValue(phrase.Text, out var first) && first.Rule != rule)
                    {
                        throw new RulePackException(_nodes.Source, phrase.Line, phrase.Column,
                            $"phrase '{phrase.Display}' of rule '{rule.Id}' is already in rule '{first.Rule.Id}' (line {first.Phrase.Line}); a phrase belongs to one {rule.TypeName} rule");
                    }

                    seen.TryAdd(phrase.Text, (rule, phrase));
                }
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PackIdPattern();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SemanticVersion();
}
