using System.Globalization;
using System.Text;
using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Tests.Rules;

/// <summary>Hostile or runaway packs are rejected with a message that names the limit.</summary>
public sealed class RulePackLimitsTests
{
    [Test]
    public void Parse_TextOverMaxBytes_Rejected()
    {
        var yaml = PackText.Valid + "\n# " + new string('x', RulePackLimits.MaxBytes) + "\n";

        var ex = PackText.Rejected(yaml);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain("the limit is").And.Contain(RulePackLimits.MaxBytes.ToString("N0", CultureInfo.CurrentCulture)));
            Assert.That(ex.Line, Is.Null);
        });
    }

    [Test]
    public void Load_FileOverMaxBytes_RejectedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"big-pack-{Guid.NewGuid():N}.yaml");
        using (var file = File.Create(path))
        {
            file.SetLength(RulePackLimits.MaxBytes + 1L); // sparse zeros: not YAML, so reading it would fail differently
        }

        try
        {
            var ex = Assert.Throws<RulePackException>(() => RulePackLoader.Load(path));

            Assert.That(ex!.Message, Does.Contain("bytes; the limit is"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Parse_PhrasesAtTheLimit_Load()
    {
        var pack = PackText.Parse(WithGeneratedPhrases(RulePackLimits.MaxPhrases - CountOfValidPackPhrases()));

        Assert.That(pack.Find("forbidden.one")!.Phrases("phrases"), Has.Count.GreaterThan(RulePackLimits.MaxPhrases / 2));
    }

    [Test]
    public void Parse_OnePhraseOverTheLimit_RejectedAtThatPhrase()
    {
        var yaml = WithGeneratedPhrases(RulePackLimits.MaxPhrases - CountOfValidPackPhrases() + 1);

        var ex = PackText.Rejected(yaml);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain($"more than {RulePackLimits.MaxPhrases.ToString("N0", CultureInfo.CurrentCulture)} phrases"));
            Assert.That(ex.Line, Is.GreaterThan(RulePackLimits.MaxPhrases / 2));
        });
    }

    [Test]
    public void Parse_AliasesMultiplyingAList_CountEveryCopyTowardsTheLimit()
    {
        // 1,000 phrases named once and reused by 30 calendar entries: 30,000 phrases once expanded.
        var list = string.Join(", ", Enumerable.Range(0, 1000).Select(Phrase));
        var entries = new StringBuilder($"calendar:\n  - {{name: 节一, date: \"01-01\", greetings: &many [{list}]}}\n");
        for (var i = 0; i < 30; i++)
        {
            entries.Append("  - {name: 节, date: \"01-02\", greetings: *many}\n");
        }

        var yaml = PackText.With(
            "calendar:\n  - name: 国庆节\n    from: \"10-01\"\n    to: \"10-07\"\n    greetings: [国庆快乐]\n",
            entries.ToString());

        var ex = PackText.Rejected(yaml);

        Assert.That(ex.Message, Does.Contain($"more than {RulePackLimits.MaxPhrases.ToString("N0", CultureInfo.CurrentCulture)} phrases"));
    }

    [Test]
    public void Parse_NestingDeeperThanMaxDepth_RejectedAtTheDeepNode()
    {
        var depth = RulePackLimits.MaxDepth + 1;
        var yaml = PackText.With("description: 冷场", "description: " + new string('[', depth) + new string(']', depth));

        var ex = PackText.Rejected(yaml);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain($"more than {RulePackLimits.MaxDepth} deep"));
            Assert.That(ex.Line, Is.EqualTo(PackText.LineOf(yaml, "description: [[")));
        });
    }

    [Test]
    public void Parse_RegexLongerThanLimit_RejectedAtIt()
    {
        var pattern = "不" + new string('a', RulePackLimits.MaxRegexLength);
        var yaml = PackText.With("      - 没法查", $"      - {{regex: '{pattern}'}}");

        var ex = PackText.Rejected(yaml);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain($"the limit is {RulePackLimits.MaxRegexLength}"));
            Assert.That(ex.Line, Is.EqualTo(PackText.LineOf(yaml, pattern)));
        });
    }

    [Test]
    public void Parse_PhraseLongerThanLimit_Rejected()
    {
        var yaml = PackText.With("      - 没法查", "      - " + new string('长', RulePackLimits.MaxPhraseLength + 1));

        Assert.That(PackText.Rejected(yaml).Message, Does.Contain($"the limit is {RulePackLimits.MaxPhraseLength}"));
    }

    [Test]
    public void Parse_MoreRulesThanLimit_Rejected()
    {
        var rules = new StringBuilder("rules:\n");
        for (var i = 0; i <= RulePackLimits.MaxRules; i++)
        {
            rules.Append(CultureInfo.InvariantCulture, $"  - {{id: r{i}, type: agent_hung_up_first, severity: minor, role: agent, source: {{document: a.txt, clause: b}}, description: c}}\n");
        }

        var ex = PackText.Rejected("id: many\nversion: 1.0.0\nlocale: zh-CN\n" + rules);

        Assert.That(ex.Message, Does.Contain($"the limit is {RulePackLimits.MaxRules}"));
    }

    [Test]
    public void Parse_HugeNumberOfNodes_RejectedByTheNodeBudget()
    {
        // Small nodes (five per source: the mapping, two keys, two values) pass the node budget inside the byte limit.
        var sources = string.Join(",", Enumerable.Repeat("{document: a, clause: b}", (RulePackLimits.MaxNodes / 5) + 1_000));
        var yaml = PackText.With("source: {document: 004.txt, clause: \"硬件故障 3\"}", $"source: [{sources}]");
        Assert.That(Encoding.UTF8.GetByteCount(yaml), Is.LessThan(RulePackLimits.MaxBytes), "test setup");

        var ex = PackText.Rejected(yaml);

        Assert.That(ex.Message, Does.Contain("YAML nodes"));
    }

    private static int CountOfValidPackPhrases()
    {
        var pack = PackText.Parse(PackText.Valid);
        return pack.Rules.Sum(r => r.PhraseSets.Values.Sum(s => s.Phrases.Count + s.Patterns.Count) + r.Exceptions.Count)
            + pack.Calendar.Sum(h => h.Greetings.Count)
            + pack.Rules.Sum(r => r.TimeOfDay.Count);
    }

    private static string WithGeneratedPhrases(int extra)
    {
        var lines = new StringBuilder("      - 没法查\n");
        for (var i = 0; i < extra; i++)
        {
            lines.Append("      - ").Append(Phrase(i)).Append('\n');
        }

        return PackText.With("      - 没法查\n", lines.ToString());
    }

    // Six characters per phrase, all the same length, so no phrase contains another.
    private static string Phrase(int i) => "句" + i.ToString("D5", CultureInfo.InvariantCulture)
        .Aggregate(string.Empty, (s, d) => s + "零一二三四五六七八九"[d - '0']);
}
