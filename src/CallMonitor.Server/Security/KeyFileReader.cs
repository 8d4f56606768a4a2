using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CallMonitor.Server.Security;

/// <summary>Reads the nodes of one key file into (hash, identity) pairs; every failure names the node's line and column.</summary>
internal sealed partial class KeyFileReader(string source)
{
    private const int Sha256HexLength = 64;
    private static readonly string[] EntryKeys = ["name", "sha256", "role", "agent", "team", "teams"];
    private static readonly string[] Roles = ["agent", "supervisor", "admin"];

    public static string RoleName(CallerRole role) => role.ToString().ToLowerInvariant();

    public List<(byte[] Hash, CallerIdentity Identity)> ReadAll(YamlNode root)
    {
        var map = root as YamlMappingNode ?? throw Error(root, "the API key file must be a mapping with a 'keys:' list");
        foreach (var key in map.Children.Keys)
        {
            if (Text(key, "a top-level key") != "keys")
            {
                throw Error(key, $"unknown field '{Text(key, "a top-level key")}'; the file has only 'keys:'");
            }
        }

        var keysNode = Optional(map, "keys") ?? throw Error(map, "the API key file is missing 'keys:', the list of keys");
        var list = keysNode as YamlSequenceNode ?? throw Error(keysNode, "'keys' must be a list of entries ('- name: …')");
        if (list.Children.Count == 0)
        {
            throw Error(list, "'keys' is empty: no caller could connect; add entries made by 'callmonitor keys new', or run without a key file (open access)");
        }

        var result = new List<(byte[] Hash, CallerIdentity Identity)>();
        var names = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        var hashes = new Dictionary<string, (YamlNode Node, string Name)>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            var entry = item as YamlMappingNode ?? throw Error(item, "each entry of 'keys' must be a mapping (name, sha256, role …)");
            var (hash, identity) = ReadEntry(entry);
            var nameNode = Optional(entry, "name")!;
            if (names.TryGetValue(identity.Name, out var first))
            {
                throw Error(nameNode, $"the name '{identity.Name}' is already used at line {first.Start.Line}; names label keys in logs and must differ");
            }

            var hex = Convert.ToHexStringLower(hash);
            var hashNode = Optional(entry, "sha256")!;
            if (hashes.TryGetValue(hex, out var earlier))
            {
                throw Error(hashNode, $"the same key (sha256) is already given to '{earlier.Name}' at line {earlier.Node.Start.Line}; make a separate key with 'callmonitor keys new'");
            }

            names.Add(identity.Name, nameNode);
            hashes.Add(hex, (hashNode, identity.Name));
            result.Add((hash, identity));
        }

        return result;
    }

    private (byte[] Hash, CallerIdentity Identity) ReadEntry(YamlMappingNode entry)
    {
        foreach (var key in entry.Children.Keys)
        {
            var field = Text(key, "a field name");
            if (!EntryKeys.Contains(field))
            {
                throw Error(key, $"unknown field '{field}' in a key entry; expected one of: {string.Join(", ", EntryKeys)}");
            }
        }

        var nameNode = Required(entry, "name", "the label shown in logs, e.g. desk-1001");
        var name = Text(nameNode, "the name");
        if (!NamePattern().IsMatch(name))
        {
            throw Error(nameNode, $"the name '{name}' must be 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }

        var hash = ReadHash(Required(entry, "sha256", "the SHA-256 of the key; print it with 'callmonitor keys hash KEY'"));
        var roleNode = Required(entry, "role", "agent, supervisor or admin");
        var identity = Text(roleNode, "the role") switch
        {
            "agent" => ReadAgent(entry, name),
            "supervisor" => ReadSupervisor(entry, name),
            "admin" => ReadAdmin(entry, name),
            var other => throw Error(roleNode, $"unknown role '{other}'; expected one of: {string.Join(", ", Roles)}"),
        };
        return (hash, identity);
    }

    private CallerIdentity ReadAgent(YamlMappingNode entry, string name)
    {
        Forbid(entry, "teams", "an agent key has one team: write 'team: <team>' instead of 'teams'");
        var agent = Text(Required(entry, "agent", "the agent id this key streams calls for (role agent)"), "the agent id");
        var team = Text(Required(entry, "team", "the agent's team (role agent)"), "the team");
        return CallerIdentity.Agent(name, agent, team);
    }

    private CallerIdentity ReadSupervisor(YamlMappingNode entry, string name)
    {
        Forbid(entry, "agent", "a supervisor key belongs to no agent: remove 'agent'");
        Forbid(entry, "team", "a supervisor key lists its teams: write 'teams: [<team>, …]' instead of 'team'");
        var teamsNode = Required(entry, "teams", "the teams this supervisor sees, e.g. [sales-1, sales-2] (role supervisor)");
        var list = teamsNode as YamlSequenceNode ?? throw Error(teamsNode, "'teams' must be a list, e.g. [sales-1, sales-2]");
        if (list.Children.Count == 0)
        {
            throw Error(list, "'teams' is empty; a supervisor key needs at least one team");
        }

        var teams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            var team = Text(item, "a team");
            if (!teams.Add(team))
            {
                throw Error(item, $"team '{team}' is listed twice");
            }
        }

        return CallerIdentity.Supervisor(name, teams);
    }

    private CallerIdentity ReadAdmin(YamlMappingNode entry, string name)
    {
        foreach (var field in (string[])["agent", "team", "teams"])
        {
            Forbid(entry, field, $"an admin key sees every team and agent: remove '{field}'");
        }

        return CallerIdentity.Admin(name);
    }

    private byte[] ReadHash(YamlNode node)
    {
        var text = Text(node, "sha256");
        if (text.Length != Sha256HexLength || !text.All(char.IsAsciiHexDigit))
        {
            throw Error(node, string.Create(CultureInfo.InvariantCulture,
                $"sha256 must be {Sha256HexLength} hex digits (the SHA-256 of the key, from 'callmonitor keys hash KEY'), found {text.Length} characters{(text.All(char.IsAsciiHexDigit) ? string.Empty : " with non-hex ones")}; never put the key itself in this file"));
        }

        return Convert.FromHexString(text);
    }

    private void Forbid(YamlMappingNode entry, string field, string problem)
    {
        var key = entry.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == field);
        if (key is not null)
        {
            throw Error(key, problem);
        }
    }

    private YamlNode Required(YamlMappingNode map, string key, string meaning) =>
        Optional(map, key) ?? throw Error(map, $"this key entry is missing '{key}' ({meaning})");

    private static YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private string Text(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value) && !IsNull(node)
            ? value
            : throw Error(node, $"{what} must be non-empty text");

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "~" or "null" or "Null" or "NULL" };

    private ApiKeyFileException Error(YamlNode node, string problem) =>
        new(source, (int)node.Start.Line, (int)node.Start.Column, problem);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
