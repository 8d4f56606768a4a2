using System.Globalization;
using CallMonitor.Chinese.Matching;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using YamlDotNet.RepresentationModel;

namespace CallMonitor.Compliance.Packs;

/// <summary>Reads the scalar fields of a rule: severity, role, tolerance, kws settings, parameters, time-of-day salutations.</summary>
internal sealed class RuleFieldReader(PackNodes nodes, PhraseReader phrases)
{
    public RuleSeverity Severity(YamlNode node, string what) => nodes.String(node, $"the severity of {what}") switch
    {
        "info" => RuleSeverity.Info,
        "minor" => RuleSeverity.Minor,
        "major" => RuleSeverity.Major,
        "critical" => RuleSeverity.Critical,
        var other => throw nodes.Error(node, $"unknown severity '{other}' in {what}; expected info, minor, major or critical"),
    };

    public SpeakerRole Role(YamlNode node, string what) => nodes.String(node, $"the role of {what}") switch
    {
        "agent" => SpeakerRole.Agent,
        "customer" => SpeakerRole.Customer,
        "both" => SpeakerRole.Conversation,
        var other => throw nodes.Error(node, $"unknown role '{other}' in {what}; expected agent, customer or both"),
    };

    public PinyinTolerance Tolerance(YamlNode node, string what) => nodes.String(node, $"the tolerance of {what}") switch
    {
        "none" => PinyinTolerance.Exact,
        "homophone" => PinyinTolerance.Homophone,
        "near" => PinyinTolerance.Near,
        var other => throw nodes.Error(node, $"unknown tolerance '{other}' in {what}; expected none, homophone or near"),
    };

    public (float? Threshold, float? Boost) Kws(YamlNode node, string what)
    {
        var map = nodes.Mapping(node, $"the kws settings of {what}");
        nodes.OnlyKeys(map, $"the kws settings of {what}", ["threshold", "boost"]);
        var threshold = PackNodes.Optional(map, "threshold") is { } t ? (float?)nodes.NumberIn(t, "kws threshold", 0.01, 0.99) : null;
        var boost = PackNodes.Optional(map, "boost") is { } b ? (float?)nodes.NumberIn(b, "kws boost", 0, 10) : null;
        return (threshold, boost);
    }

    public RuleParameters Parameters(YamlNode? node, RuleSchema schema, string id, string what)
    {
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        var flags = new Dictionary<string, bool>(StringComparer.Ordinal);
        var map = node is null ? null : nodes.Mapping(node, $"the parameters of {what}");
        if (map is not null)
        {
            nodes.OnlyKeys(map, $"the parameters of {what}", [.. schema.Parameters.Select(p => p.Name)]);
        }

        foreach (var spec in schema.Parameters)
        {
            var value = map is null ? null : PackNodes.Optional(map, spec.Name);
            if (spec.Kind == ParameterKind.Flag)
            {
                flags[spec.Name] = value is null ? spec.Default != 0 : nodes.Boolean(value, $"{spec.Name} of {what}");
            }
            else
            {
                numbers[spec.Name] = value is null ? spec.Default : nodes.NumberIn(value, $"{spec.Name} of {what}", spec.Min, spec.Max);
            }
        }

        return new RuleParameters(id, numbers, flags);
    }

    public List<TimeOfDayGreeting> TimeOfDay(YamlNode node, string what)
    {
        var result = new List<TimeOfDayGreeting>();
        var entry = $"a timeOfDay entry of {what}";
        foreach (var item in nodes.Sequence(node, $"timeOfDay of {what}").Children)
        {
            var map = nodes.Mapping(item, entry);
            nodes.OnlyKeys(map, entry, ["phrase", "from", "to"]);
            var phrase = phrases.ReadPhrase(nodes.Required(map, "phrase", entry), $"timeOfDay of {what}");
            var from = Time(nodes.Required(map, "from", entry));
            var to = Time(nodes.Required(map, "to", entry));
            if (from == to)
            {
                throw nodes.Error(map, $"timeOfDay entry '{phrase.Display}' of {what} starts and ends at the same time; give a range");
            }

            result.Add(new TimeOfDayGreeting(phrase, from, to));
        }

        return result;
    }

    private TimeOnly Time(YamlNode node)
    {
        var text = nodes.String(node, "a time of day");
        if (text == "24:00")
        {
            return TimeOnly.MaxValue;
        }

        return TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw nodes.Error(node, $"'{text}' is not a time of day; write HH:mm (00:00 to 24:00)");
    }
}
