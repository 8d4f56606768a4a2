using System.Globalization;
using CallMonitor.Compliance.Rules;
using YamlDotNet.RepresentationModel;

namespace CallMonitor.Compliance.Packs;

/// <summary>
/// Typed access to the YAML nodes of one pack, every failure a <see cref="RulePackException"/> naming the source,
/// line and column of the node at fault. Also counts nodes visited, so aliases cannot expand the pack without bound.
/// </summary>
internal sealed class PackNodes(string source)
{
    private int _visited;

    public string Source { get; } = source;

    public RulePackException Error(YamlNode node, string problem) =>
        new(Source, (int)node.Start.Line, (int)node.Start.Column, problem);

    public void Visit(YamlNode node)
    {
        if (++_visited > RulePackLimits.MaxNodes)
        {
            throw Error(node, $"the pack expands to more than {RulePackLimits.MaxNodes:N0} YAML nodes (through aliases?); split it or remove the aliases");
        }
    }

    public YamlMappingNode Mapping(YamlNode node, string what)
    {
        Visit(node);
        return node as YamlMappingNode
            ?? throw Error(node, $"{what} must be a mapping (key: value lines), found {Describe(node)}");
    }

    public YamlSequenceNode Sequence(YamlNode node, string what)
    {
        Visit(node);
        return node as YamlSequenceNode
            ?? throw Error(node, $"{what} must be a list ('- item' lines or [a, b]), found {Describe(node)}");
    }

    public string String(YamlNode node, string what)
    {
        Visit(node);
        return node is YamlScalarNode { Value: { } value } && !IsNull(node)
            ? value
            : throw Error(node, $"{what} must be text, found {Describe(node)}");
    }

    public string NonEmptyString(YamlNode node, string what)
    {
        var value = String(node, what);
        return string.IsNullOrWhiteSpace(value) ? throw Error(node, $"{what} must not be empty") : value.Trim();
    }

    public double Number(YamlNode node, string what)
    {
        var text = String(node, what);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error(node, $"{what} must be a number, found '{text}'");
    }

    public double NumberIn(YamlNode node, string what, double min, double max)
    {
        var value = Number(node, what);
        return value >= min && value <= max
            ? value
            : throw Error(node, $"{what} is {value.ToString(CultureInfo.InvariantCulture)}, out of range: it must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
    }

    public bool Boolean(YamlNode node, string what) => String(node, what) switch
    {
        "true" or "True" or "yes" => true,
        "false" or "False" or "no" => false,
        var other => throw Error(node, $"{what} must be true or false, found '{other}'"),
    };

    /// <summary>The value of <paramref name="key"/>, or null when the mapping lacks it.</summary>
    public static YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlNode Required(YamlMappingNode map, string key, string what) =>
        Optional(map, key) ?? throw Error(map, $"{what} is missing the required field '{key}'");

    /// <summary>Rejects keys outside <paramref name="allowed"/>: a typo must not silently drop a setting.</summary>
    public void OnlyKeys(YamlMappingNode map, string what, IReadOnlyCollection<string> allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = String(key, $"a key of {what}");
            if (!allowed.Contains(name))
            {
                throw Error(key, $"unknown field '{name}' in {what}; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    /// <summary>
    /// A <c>source</c>: one <c>{document, clause}</c> mapping or a list of them. The document is a file name
    /// (the seed standard), never a path.
    /// </summary>
    public List<RuleSource> Sources(YamlNode node, string what)
    {
        var items = node is YamlSequenceNode list ? list.Children : (IList<YamlNode>)[node];
        if (items.Count == 0)
        {
            throw Error(node, $"the source of {what} is an empty list; cite at least one document and clause");
        }

        var result = new List<RuleSource>();
        foreach (var item in items)
        {
            var map = Mapping(item, $"a source of {what}");
            OnlyKeys(map, $"a source of {what}", ["document", "clause"]);
            var documentNode = Required(map, "document", $"a source of {what}");
            var document = NonEmptyString(documentNode, $"the source document of {what}");
            if (document.IndexOfAny(['/', '\\']) >= 0)
            {
                throw Error(documentNode, $"the source document of {what} must be a file name without folders, found '{document}'");
            }

            var clause = NonEmptyString(Required(map, "clause", $"a source of {what}"), $"the source clause of {what}");
            result.Add(new RuleSource(document, clause));
        }

        return result;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"'{Truncate(s.Value)}'",
        _ => node.NodeType.ToString(),
    };

    private static string Truncate(string? text) =>
        text is null ? string.Empty : text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
