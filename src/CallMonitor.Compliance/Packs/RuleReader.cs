using System.Text.RegularExpressions;
using CallMonitor.Chinese.Matching;
using CallMonitor.Compliance.Rules;
using YamlDotNet.RepresentationModel;

namespace CallMonitor.Compliance.Packs;

/// <summary>Reads one rule and checks it against its type's <see cref="RuleSchema"/>.</summary>
internal sealed partial class RuleReader(PackNodes nodes, PhraseReader phrases)
{
    private static readonly string[] CommonKeys =
        ["id", "type", "severity", "role", "source", "description", "tolerance", "kws", "exceptions", "parameters", "timeOfDay"];

    private readonly RuleFieldReader _fields = new(nodes, phrases);

    public Rule Read(YamlNode node)
    {
        var map = nodes.Mapping(node, "a rule");
        var idNode = nodes.Required(map, "id", "a rule");
        var id = nodes.NonEmptyString(idNode, "a rule id");
        if (!RuleIdPattern().IsMatch(id))
        {
            throw nodes.Error(idNode, $"rule id '{id}' must be lower-case letters, digits, '.', '_' or '-', starting with a letter, at most 64 characters");
        }

        var what = $"rule '{id}'";
        var typeNode = nodes.Required(map, "type", what);
        var typeName = nodes.String(typeNode, $"the type of {what}");
        if (!RuleTypes.TryParse(typeName, out var type))
        {
            throw nodes.Error(typeNode, $"unknown rule type '{typeName}' in {what}; expected one of: {string.Join(", ", RuleTypes.All)}");
        }

        var schema = RuleSchemas.For(type);
        nodes.OnlyKeys(map, what, [.. CommonKeys.Where(k => Allowed(schema, k)), .. schema.Sets.Select(s => s.Name)]);
        var sets = ReadSets(map, schema, what);
        var exceptions = PackNodes.Optional(map, "exceptions") is { } e ? ReadExceptions(e, sets, what) : [];
        if (exceptions.Count > 0)
        {
            sets = WithExceptions(sets, exceptions);
        }

        var kws = PackNodes.Optional(map, "kws") is { } k ? _fields.Kws(k, what) : (null, null);
        return new Rule(id, type, (int)map.Start.Line)
        {
            Severity = _fields.Severity(nodes.Required(map, "severity", what), what),
            Role = _fields.Role(nodes.Required(map, "role", what), what),
            Sources = nodes.Sources(nodes.Required(map, "source", what), what),
            Description = nodes.NonEmptyString(nodes.Required(map, "description", what), $"the description of {what}"),
            Tolerance = PackNodes.Optional(map, "tolerance") is { } t ? _fields.Tolerance(t, what) : PinyinTolerance.Exact,
            KwsThreshold = kws.Threshold,
            KwsBoost = kws.Boost,
            PhraseSets = sets,
            Exceptions = exceptions,
            Parameters = _fields.Parameters(PackNodes.Optional(map, "parameters"), schema, id, what),
            TimeOfDay = PackNodes.Optional(map, "timeOfDay") is { } tod ? _fields.TimeOfDay(tod, what) : [],
        };
    }

    private static bool Allowed(RuleSchema schema, string key) => key switch
    {
        "exceptions" => schema.AllowsExceptions,
        "timeOfDay" => schema.AllowsTimeOfDay,
        "parameters" => schema.Parameters.Count > 0,
        "tolerance" or "kws" => schema.Sets.Count > 0,
        _ => true,
    };

    private Dictionary<string, PhraseSet> ReadSets(YamlMappingNode map, RuleSchema schema, string what)
    {
        var sets = new Dictionary<string, PhraseSet>(StringComparer.Ordinal);
        foreach (var spec in schema.Sets)
        {
            if (PackNodes.Optional(map, spec.Name) is { } setNode)
            {
                var set = phrases.ReadSet(setNode, spec.Name, $"'{spec.Name}' of {what}", allowPatterns: true);
                CheckPhrases(set, schema.Type, what);
                sets.Add(spec.Name, set);
            }
            else if (spec.Required)
            {
                throw nodes.Error(map, $"{what} is missing the required field '{spec.Name}' (a list of phrases)");
            }
        }

        return sets;
    }

    /// <summary>
    /// In a counting rule (forbidden phrases, escalation cues) a phrase containing another of the same set would
    /// double every hit; a lone character in a forbidden list matches inside ordinary words unless it is
    /// anchored to the start of an utterance.
    /// </summary>
    private void CheckPhrases(PhraseSet set, RuleType type, string what)
    {
        var counting = type is RuleType.ForbiddenPhrase or RuleType.EscalationCue;
        var unanchored = set.Phrases.Where(p => p.Anchor == PhraseAnchor.Anywhere)
            .ToDictionary(p => p.Text, StringComparer.Ordinal);
        foreach (var phrase in set.Phrases)
        {
            if (type == RuleType.ForbiddenPhrase && phrase.Text.Length == 1 && phrase.Anchor != PhraseAnchor.TextStart)
            {
                throw Located(phrase, $"one-character phrase '{phrase.Display}' in {what} must be anchored (position: utterance_start): inside a sentence the character is part of other words");
            }

            // The other types ask whether a phrase was said, not how often.
            if (counting && ProperSubstrings(phrase.Text).FirstOrDefault(unanchored.ContainsKey) is { } innerText)
            {
                var inner = unanchored[innerText];
                throw Located(phrase, $"phrase '{phrase.Display}' in {what} contains '{inner.Display}' (line {inner.Line}) of the same list, so every hit would count twice; keep only '{inner.Display}'");
            }
        }
    }

    /// <summary>Every substring shorter than <paramref name="text"/>: at most ~5,000 for the longest phrase allowed.</summary>
    internal static IEnumerable<string> ProperSubstrings(string text)
    {
        for (var length = text.Length - 1; length >= 1; length--)
        {
            for (var start = 0; start + length <= text.Length; start++)
            {
                yield return text.Substring(start, length);
            }
        }
    }

    private RulePackException Located(RulePhrase phrase, string problem) =>
        new(nodes.Source, phrase.Line, phrase.Column, problem);

    private List<RulePhrase> ReadExceptions(YamlNode node, Dictionary<string, PhraseSet> sets, string what)
    {
        var all = sets.Values.SelectMany(s => s.Phrases).Select(p => p.Text).ToHashSet(StringComparer.Ordinal);
        var set = phrases.ReadSet(node, "exceptions", $"the exceptions of {what}", allowPatterns: false);
        foreach (var exception in set.Phrases)
        {
            if (all.Contains(exception.Text))
            {
                throw Located(exception, $"exception '{exception.Display}' of {what} is one of the rule's own phrases, so it would excuse every hit");
            }

            if (!ProperSubstrings(exception.Text).Any(all.Contains))
            {
                throw Located(exception,
                    $"exception '{exception.Display}' of {what} contains none of the rule's phrases, so it can never apply");
            }
        }

        return [.. set.Phrases];
    }

    /// <summary>Gives each phrase the exceptions that contain it, for matchers that take per-phrase exceptions.</summary>
    private static Dictionary<string, PhraseSet> WithExceptions(Dictionary<string, PhraseSet> sets, List<RulePhrase> exceptions) =>
        sets.ToDictionary(
            pair => pair.Key,
            pair => new PhraseSet(
                pair.Key,
                [.. pair.Value.Phrases.Select(p => p.WithExceptions(
                    exceptions.Where(e => e.Text.Contains(p.Text, StringComparison.Ordinal)).Select(e => e.Text)))],
                pair.Value.Patterns),
            StringComparer.Ordinal);

    [GeneratedRegex("^[a-z][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();
}
