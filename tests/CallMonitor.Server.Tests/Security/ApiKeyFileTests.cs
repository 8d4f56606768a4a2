using CallMonitor.Server.Security;

namespace CallMonitor.Server.Tests.Security;

/// <summary>The key file: valid files give each key its identity; every mistake is reported at its line and column.</summary>
public class ApiKeyFileTests
{
    private static readonly string H1 = ApiKeyMaterial.HashHex("first key");
    private static readonly string H2 = ApiKeyMaterial.HashHex("second key");

    private static IEnumerable<TestCaseData> BadFiles()
    {
        yield return Case("unknown role", $"keys:\n  - name: a\n    sha256: {H1}\n    role: manager\n", 4, 11, "unknown role 'manager'");
        yield return Case("agent without agent", $"keys:\n  - name: a\n    sha256: {H1}\n    role: agent\n    team: sales-1\n", 2, 5, "missing 'agent'");
        yield return Case("agent without team", $"keys:\n  - name: a\n    sha256: {H1}\n    role: agent\n    agent: \"1001\"\n", 2, 5, "missing 'team'");
        yield return Case("agent with teams", $"keys:\n  - name: a\n    sha256: {H1}\n    role: agent\n    agent: \"1001\"\n    teams: [x]\n", 6, 5, "one team");
        yield return Case("supervisor without teams", $"keys:\n  - name: a\n    sha256: {H1}\n    role: supervisor\n", 2, 5, "missing 'teams'");
        yield return Case("supervisor with empty teams", $"keys:\n  - name: a\n    sha256: {H1}\n    role: supervisor\n    teams: []\n", 5, 12, "at least one team");
        yield return Case("supervisor with team", $"keys:\n  - name: a\n    sha256: {H1}\n    role: supervisor\n    team: x\n", 5, 5, "'teams:");
        yield return Case("supervisor team twice", $"keys:\n  - name: a\n    sha256: {H1}\n    role: supervisor\n    teams: [x, y, x]\n", 5, 19, "'x' is listed twice");
        yield return Case("admin with team", $"keys:\n  - name: a\n    sha256: {H1}\n    role: admin\n    team: x\n", 5, 5, "remove 'team'");
        yield return Case("duplicate hash", $"keys:\n  - name: a\n    sha256: {H1}\n    role: admin\n  - name: b\n    sha256: {H1.ToUpperInvariant()}\n    role: admin\n", 6, 13, "already given to 'a' at line 3");
        yield return Case("duplicate name", $"keys:\n  - name: ops\n    sha256: {H1}\n    role: admin\n  - name: OPS\n    sha256: {H2}\n    role: admin\n", 5, 11, "already used at line 2");
        yield return Case("non-hex sha256", $"keys:\n  - name: a\n    sha256: {new string('g', 64)}\n    role: admin\n", 3, 13, "64 hex digits");
        yield return Case("short sha256", "keys:\n  - name: a\n    sha256: abc123\n    role: admin\n", 3, 13, "found 6 characters");
        yield return Case("missing sha256", "keys:\n  - name: a\n    role: admin\n", 2, 5, "missing 'sha256'");
        yield return Case("bad name", $"keys:\n  - name: desk 1\n    sha256: {H1}\n    role: admin\n", 2, 11, "the name 'desk 1'");
        yield return Case("unknown field", $"keys:\n  - name: a\n    sha256: {H1}\n    role: admin\n    roles: admin\n", 5, 5, "unknown field 'roles'");
        yield return Case("empty agent", $"keys:\n  - name: a\n    sha256: {H1}\n    role: agent\n    agent:\n    team: x\n", 5, 11, "agent id must be non-empty");
        yield return Case("empty list", "keys: []\n", 1, 7, "'keys' is empty");
        yield return Case("no keys field", "key:\n  - name: a\n", 1, 1, "unknown field 'key'");
        yield return Case("entry not a mapping", "keys:\n  - just-a-key\n", 2, 5, "must be a mapping");
        yield return Case("broken YAML", $"keys:\n  - name: \"a\n    sha256: {H1}\n", 2, 11, "not valid YAML");
    }

    [TestCaseSource(nameof(BadFiles))]
    public void Parse_BadFile_ErrorAtLineAndColumnSaysWhatToFix(string yaml, int line, int column, string fragment)
    {
        var error = Assert.Throws<ApiKeyFileException>(() => ApiKeyFile.Parse(yaml, "keys.yaml"))!;

        Assert.Multiple(() =>
        {
            Assert.That((error.Line, error.Column), Is.EqualTo(((int?)line, (int?)column)), error.Message);
            Assert.That(error.Message, Does.StartWith($"keys.yaml:{line}:{column}: "));
            Assert.That(error.Problem, Does.Contain(fragment));
        });
    }

    [Test]
    public void Parse_EmptyText_SaysTheFileNeedsKeys()
    {
        var error = Assert.Throws<ApiKeyFileException>(() => ApiKeyFile.Parse("# nothing yet\n", "keys.yaml"))!;

        Assert.That(error.Message, Does.StartWith("keys.yaml: ").And.Contain("'keys:'"));
    }

    [Test]
    public void Parse_OneKeyPerRole_EachKeyFindsItsIdentityAndOthersNone()
    {
        var yaml = $"""
            keys:
              - name: desk-1001        # a comment
                sha256: {H1.ToUpperInvariant()}
                role: agent
                agent: 1001
                team: sales-1
              - name: lead-sales
                sha256: {H2}
                role: supervisor
                teams: [sales-1, sales-2]
              - name: ops
                sha256: {ApiKeyMaterial.HashHex("third key")}
                role: admin
            """;

        var registry = ApiKeyFile.Parse(yaml, "keys.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(registry.IsOpen, Is.False);
            Assert.That(registry.Identities.Select(i => i.Name), Is.EqualTo(new[] { "desk-1001", "lead-sales", "ops" }));
            Assert.That(registry.Find("first key"), Is.EqualTo(CallerIdentity.Agent("desk-1001", "1001", "sales-1")));
            Assert.That(registry.Find("second key"), Is.EqualTo(CallerIdentity.Supervisor("lead-sales", ["sales-2", "sales-1"])));
            Assert.That(registry.Find("third key"), Is.EqualTo(CallerIdentity.Admin("ops")));
            Assert.That(registry.Find("first key "), Is.Null, "a key differing by one character must not match");
            Assert.That(registry.Find(H1), Is.Null, "the hash itself is not a key");
            Assert.That(registry.Find(string.Empty), Is.Null);
        });
    }

    [Test]
    public void Load_MissingFile_ErrorNamesThePathAndHowToMakeOne()
    {
        var path = Path.Combine(Path.GetTempPath(), $"callmonitor-keys-{Guid.NewGuid():N}.yaml");

        var error = Assert.Throws<ApiKeyFileException>(() => ApiKeyFile.Load(path))!;

        Assert.That(error.Message, Does.StartWith(path).And.Contain("callmonitor keys new"));
    }

    [Test]
    public void Load_FileWrittenFromFormattedEntries_GivesBackEveryIdentity()
    {
        CallerIdentity[] identities =
        [
            CallerIdentity.Agent("desk-1001", "1001", "sales \"east\""),
            CallerIdentity.Supervisor("lead@sales", ["sales-1", "销售二组", "a\\b"]),
            CallerIdentity.Admin("ops"),
        ];
        var keys = identities.Select(_ => ApiKeyMaterial.NewKey()).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"callmonitor-keys-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "keys:\n" + string.Concat(identities.Select((id, i) => ApiKeyFile.FormatEntry(id, ApiKeyMaterial.HashHex(keys[i])))));
        try
        {
            var registry = ApiKeyFile.Load(path);

            Assert.That(keys.Select(registry.Find), Is.EqualTo(identities));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void FormatEntry_OpenIdentity_Refused()
    {
        Assert.Throws<ArgumentException>(() => ApiKeyFile.FormatEntry(CallerIdentity.Open, H1));
    }

    private static TestCaseData Case(string name, string yaml, int line, int column, string fragment) =>
        new TestCaseData(yaml, line, column, fragment).SetArgDisplayNames(name);
}
