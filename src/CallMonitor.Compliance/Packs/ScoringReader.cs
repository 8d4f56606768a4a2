using System.Globalization;
using CallMonitor.Compliance.Rules;
using CallMonitor.Compliance.Scoring;
using YamlDotNet.RepresentationModel;

namespace CallMonitor.Compliance.Packs;

/// <summary>
/// Reads the <c>scoring</c> section into a <see cref="ScoringForm"/> and checks it: section points are the sum
/// of their items, score sections add up to the total, every referenced rule exists, and only automated items
/// carry deductions or triggers.
/// </summary>
internal sealed class ScoringReader(PackNodes nodes, IReadOnlyDictionary<string, Rule> rules)
{
    private const double Tolerance = 1e-9;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public ScoringForm Read(YamlNode node)
    {
        var map = nodes.Mapping(node, "scoring");
        nodes.OnlyKeys(map, "scoring", ["source", "total", "sections"]);
        var sources = nodes.Sources(nodes.Required(map, "source", "scoring"), "scoring");
        var totalNode = nodes.Required(map, "total", "scoring");
        var total = nodes.NumberIn(totalNode, "the scoring total", 1, 10_000);
        var sections = new List<ScoringSection>();
        foreach (var item in nodes.Sequence(nodes.Required(map, "sections", "scoring"), "scoring sections").Children)
        {
            sections.Add(Section(item));
        }

        var scored = sections.Where(s => s.Kind == ScoringSectionKind.Score).Sum(s => s.Points);
        if (Math.Abs(scored - total) > Tolerance)
        {
            throw nodes.Error(totalNode, $"the score sections add up to {Format(scored)}, not the total {Format(total)}");
        }

        return new ScoringForm(sources, total, sections);
    }

    private ScoringSection Section(YamlNode node)
    {
        var map = nodes.Mapping(node, "a scoring section");
        nodes.OnlyKeys(map, "a scoring section", ["id", "name", "kind", "points", "items"]);
        var id = Id(map, "a scoring section");
        var what = $"scoring section '{id}'";
        var name = nodes.NonEmptyString(nodes.Required(map, "name", what), $"the name of {what}");
        var kindNode = nodes.Required(map, "kind", what);
        var kind = nodes.String(kindNode, $"the kind of {what}") switch
        {
            "score" => ScoringSectionKind.Score,
            "bonus" => ScoringSectionKind.Bonus,
            "penalty" => ScoringSectionKind.Penalty,
            var other => throw nodes.Error(kindNode, $"unknown kind '{other}' in {what}; expected score, bonus or penalty"),
        };
        var pointsNode = nodes.Required(map, "points", what);
        var points = nodes.NumberIn(pointsNode, $"the points of {what}", -10_000, 10_000);
        var items = nodes.Sequence(nodes.Required(map, "items", what), $"the items of {what}").Children.Select(i => Item(i, kind)).ToList();
        var sum = items.Sum(i => i.Points);
        if (items.Count == 0 || Math.Abs(sum - points) > Tolerance)
        {
            throw nodes.Error(pointsNode, $"{what} has {Format(points)} points but its items add up to {Format(sum)}");
        }

        return new ScoringSection(id, name, kind, points, items);
    }

    private ScoringItem Item(YamlNode node, ScoringSectionKind kind)
    {
        var map = nodes.Mapping(node, "a scoring item");
        nodes.OnlyKeys(map, "a scoring item", ["id", "name", "basis", "points", "automated", "deductions", "triggers"]);
        var id = Id(map, "a scoring item");
        var what = $"scoring item '{id}'";
        var pointsNode = nodes.Required(map, "points", what);
        var points = nodes.NumberIn(pointsNode, $"the points of {what}", -10_000, 10_000);
        if (kind == ScoringSectionKind.Penalty ? points >= 0 : points <= 0)
        {
            throw nodes.Error(pointsNode, kind == ScoringSectionKind.Penalty
                ? $"{what} is a penalty: its points must be negative"
                : $"the points of {what} must be positive");
        }

        var automatedNode = nodes.Required(map, "automated", what);
        var automated = nodes.Boolean(automatedNode, $"automated of {what}");
        var deductionsNode = PackNodes.Optional(map, "deductions");
        var triggersNode = PackNodes.Optional(map, "triggers");
        if (!automated && (deductionsNode ?? triggersNode) is { } stray)
        {
            throw nodes.Error(stray, $"{what} is not automated, so it cannot have deductions or triggers; set automated: true or remove them");
        }

        var byRules = kind == ScoringSectionKind.Score ? deductionsNode : triggersNode;
        var wrong = kind == ScoringSectionKind.Score ? triggersNode : deductionsNode;
        if (wrong is not null)
        {
            throw nodes.Error(wrong, kind == ScoringSectionKind.Score
                ? $"{what} is in a score section: it takes 'deductions', not 'triggers'"
                : $"{what} is a bonus or penalty: it takes 'triggers' (rules that apply it once), not 'deductions'");
        }

        if (automated && byRules is null)
        {
            throw nodes.Error(automatedNode, $"{what} is automated but names no rules; add {(kind == ScoringSectionKind.Score ? "deductions" : "triggers")} or set automated: false");
        }

        return new ScoringItem(
            id,
            nodes.NonEmptyString(nodes.Required(map, "name", what), $"the name of {what}"),
            PackNodes.Optional(map, "basis") is { } b ? nodes.NonEmptyString(b, $"the basis of {what}") : string.Empty,
            points,
            automated)
        {
            Deductions = kind == ScoringSectionKind.Score && byRules is not null ? Deductions(byRules, points, what) : [],
            Triggers = kind != ScoringSectionKind.Score && byRules is not null ? Triggers(byRules, what) : [],
        };
    }

    private List<ScoringDeduction> Deductions(YamlNode node, double itemPoints, string what)
    {
        var result = new List<ScoringDeduction>();
        foreach (var item in nodes.Sequence(node, $"the deductions of {what}").Children)
        {
            var map = nodes.Mapping(item, $"a deduction of {what}");
            nodes.OnlyKeys(map, $"a deduction of {what}", ["rule", "points", "max"]);
            var ruleId = RuleRef(nodes.Required(map, "rule", $"a deduction of {what}"), what);
            if (result.Any(d => d.RuleId == ruleId))
            {
                throw nodes.Error(map, $"rule '{ruleId}' deducts twice from {what}; give it one deduction");
            }

            var points = nodes.NumberIn(nodes.Required(map, "points", $"a deduction of {what}"), $"the deduction of '{ruleId}' from {what}", 0.01, itemPoints);
            var max = PackNodes.Optional(map, "max") is { } m
                ? nodes.NumberIn(m, $"the max deduction of '{ruleId}' from {what}", points, itemPoints)
                : points;
            result.Add(new ScoringDeduction(ruleId, points, max));
        }

        return result;
    }

    private List<string> Triggers(YamlNode node, string what)
    {
        var list = nodes.Sequence(node, $"the triggers of {what}");
        return list.Children.Count == 0
            ? throw nodes.Error(list, $"the triggers of {what} are empty")
            : [.. list.Children.Select(n => RuleRef(n, what))];
    }

    private string RuleRef(YamlNode node, string what)
    {
        var id = nodes.NonEmptyString(node, $"a rule id in {what}");
        return rules.ContainsKey(id)
            ? id
            : throw nodes.Error(node, $"{what} refers to unknown rule id '{id}'; the pack's rules are: {string.Join(", ", rules.Keys)}");
    }

    private string Id(YamlMappingNode map, string what)
    {
        var node = nodes.Required(map, "id", what);
        var id = nodes.NonEmptyString(node, $"the id of {what}");
        return _ids.Add(id) ? id : throw nodes.Error(node, $"duplicate scoring id '{id}'");
    }

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
