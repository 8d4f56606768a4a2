using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Tests.Rules;

/// <summary>Broken packs are rejected with a message naming the source and the line of the offending node.</summary>
public sealed class RulePackLoaderErrorTests
{
    [Test]
    public void Parse_ValidPack_Loads()
    {
        var pack = PackText.Parse(PackText.Valid);

        Assert.Multiple(() =>
        {
            Assert.That(pack.Rules.Select(r => r.Id), Is.EqualTo(new[] { "forbidden.one", "silence.one" }));
            Assert.That(pack.Scoring!.Total, Is.EqualTo(10));
            Assert.That(pack.SourceName, Is.EqualTo(PackText.Source));
        });
    }

    // Each case replaces one line (find -> replacement); the error must be on the line holding `marker`.
    [TestCase("type: long_silence", "type: long_silense", "long_silense", "unknown rule type 'long_silense'")]
    [TestCase("severity: minor", "severity: urgent", "urgent", "unknown severity 'urgent'")]
    [TestCase("role: agent", "role: boss", "boss", "unknown role 'boss'")]
    [TestCase("tolerance: homophone", "tolerance: fuzzy", "fuzzy", "unknown tolerance 'fuzzy'")]
    [TestCase("minSeconds: 8", "minSeconds: eight", "eight", "must be a number")]
    [TestCase("minSeconds: 8", "minSeconds: 5000", "5000", "out of range")]
    [TestCase("kwsThreshold: 0.45", "kwsThreshold: 1.5", "1.5", "out of range")]
    [TestCase("announcements: [请您稍等]", "announcements: {a: 请您稍等}", "announcements", "must be a list")]
    [TestCase("description: 推诿", "descripton: 推诿", "descripton", "unknown field 'descripton'")]
    [TestCase("      - 没法查", "      - ''", "''", "empty phrase")]
    [TestCase("      - 没法查", "      - '。，！'", "'。，！'", "empty after normalisation")]
    [TestCase("      - 没法查", "      - {regex: '不(清楚'}", "不(清楚", "does not compile")]
    [TestCase("      - 没法查", "      - {regex: '(不)清楚\\1'}", "(不)清楚", "construct rule packs do not allow")]
    [TestCase("      - 没法查", "      - {regex: '(?=不)清楚'}", "(?=不)清楚", "construct rule packs do not allow")]
    [TestCase("      - 没法查", "      - {regex: '不*'}", "不*", "matches empty text")]
    [TestCase("      - 没法查", "      - {regex: '說什麼'}", "說什麼", "traditional character")]
    [TestCase("      - 没法查", "      - 嘿", "嘿", "must be anchored")]
    [TestCase("      - 没法查", "      - 我不清楚", "我不清楚", "contains '不清楚'")]
    [TestCase("      - 没法查", "      - 不清楚", "last:- 不清楚", "repeats")]
    [TestCase("      - 您还有什么不清楚的地方吗", "      - 您还有什么问题吗", "您还有什么问题吗", "contains none of the rule's phrases")]
    [TestCase("      - 您还有什么不清楚的地方吗", "      - 不清楚", "last:- 不清楚", "one of the rule's own phrases")]
    [TestCase("{rule: forbidden.one,", "{rule: forbidden.two,", "forbidden.two", "unknown rule id 'forbidden.two'")]
    [TestCase("{rule: forbidden.one, points: 2, max: 6}", "{rule: forbidden.one, points: 2, max: 1}", "max: 1", "out of range")]
    [TestCase("total: 10", "total: 20", "total: 20", "add up to 10, not the total 20")]
    [TestCase("          points: 10\n          automated: true", "          points: 8\n          automated: true", "points: 10", "items add up to 8")]
    [TestCase("automated: true", "automated: false", "{rule: forbidden.one", "not automated")]
    [TestCase("version: 1.0.0", "version: 1.0", "version: 1.0", "not a semantic version")]
    [TestCase("locale: zh-CN", "locale: en-US", "en-US", "not supported")]
    [TestCase("from: \"10-01\"", "from: \"13-01\"", "13-01", "not a date")]
    [TestCase("source: {document: 004.txt,", "source: {document: ../004.txt,", "../004.txt", "without folders")]
    [TestCase("      - 没法查", "      - [没法查", "[没法查", "not valid YAML")]
    public void Parse_BrokenLine_RejectedAtThatLine(string find, string replacement, string marker, string problem)
    {
        var yaml = PackText.With(find, replacement);
        var expectedLine = marker.StartsWith("last:", StringComparison.Ordinal)
            ? PackText.LineOf(yaml, marker["last:".Length..], last: true)
            : PackText.LineOf(yaml, marker);

        var ex = PackText.Rejected(yaml);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Line, Is.EqualTo(expectedLine), ex.Message);
            Assert.That(ex.Column, Is.Not.Null);
            Assert.That(ex.Source, Is.EqualTo(PackText.Source));
            Assert.That(ex.Message, Does.Contain(problem));
            Assert.That(ex.Message, Does.StartWith($"{PackText.Source}:{expectedLine}:"));
        });
    }

    [Test]
    public void Parse_DuplicateRuleId_RejectedAtTheSecondId()
    {
        var yaml = PackText.With("id: silence.one", "id: forbidden.one");

        var ex = PackText.Rejected(yaml);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Line, Is.EqualTo(PackText.LineOf(yaml, "id: forbidden.one", last: true)));
            Assert.That(ex.Message, Does.Contain("duplicate rule id 'forbidden.one'").And.Contain($"line {PackText.LineOf(yaml, "id: forbidden.one")}"));
        });
    }

    [TestCase("    severity: minor\n", "severity")]
    [TestCase("    source: {document: 004.txt, clause: \"硬件故障 3\"}\n", "source")]
    [TestCase("    announcements: [请您稍等]\n", "announcements")]
    public void Parse_MissingRequiredField_RejectedAtItsRule(string line, string field)
    {
        var yaml = PackText.With(line, string.Empty);

        var ex = PackText.Rejected(yaml);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Line, Is.EqualTo(PackText.LineOf(yaml, "- id: silence.one")));
            Assert.That(ex.Message, Does.Contain($"missing the required field '{field}'").And.Contain("silence.one"));
        });
    }

    [Test]
    public void Parse_PhraseInTwoForbiddenRules_RejectedAtTheSecond()
    {
        string[] secondRule =
        [
            "  - id: forbidden.two",
            "    type: forbidden_phrase",
            "    severity: minor",
            "    role: agent",
            "    source: {document: 002.txt, clause: \"(二)\"}",
            "    description: 重复",
            "    phrases: [我要下班了, 不清楚]",
            "  - id: silence.one",
        ];
        var yaml = PackText.With("  - id: silence.one", string.Join('\n', secondRule));

        var ex = PackText.Rejected(yaml);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Line, Is.EqualTo(PackText.LineOf(yaml, "[我要下班了, 不清楚]")));
            Assert.That(ex.Message, Does.Contain("already in rule 'forbidden.one'"));
        });
    }

    [Test]
    public void Parse_CatastrophicLookingRegex_RunsInLinearTime()
    {
        var pack = PackText.Parse(PackText.With("      - 没法查", "      - {regex: '(不+)+清'}"));
        var regex = pack.Find("forbidden.one")!.Patterns("phrases").Single().Regex;

        // (x+)+y against x…x without y is the classic exponential case for a backtracking engine.
        Assert.That(regex.IsMatch(new string('不', 100_000)), Is.False);
    }

    [Test]
    public void Parse_NotAMapping_RejectedWithLine()
    {
        var ex = PackText.Rejected("- just\n- a list\n");

        Assert.Multiple(() =>
        {
            Assert.That(ex.Line, Is.EqualTo(1));
            Assert.That(ex.Message, Does.Contain("must be a mapping"));
        });
    }

    [Test]
    public void Load_MissingFile_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-pack-{Guid.NewGuid():N}.yaml");

        var ex = Assert.Throws<RulePackException>(() => RulePackLoader.Load(path));

        Assert.That(ex!.Message, Does.Contain("not found").And.Contain(path));
    }

    [Test]
    public void Load_NotUtf8_SaysSo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gbk-pack-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, [0x69, 0x64, 0x3A, 0x20, 0xB2, 0xBB, 0xC7, 0xE5, 0x0A]); // "id: " + 不清 in GBK
        try
        {
            var ex = Assert.Throws<RulePackException>(() => RulePackLoader.Load(path));

            Assert.That(ex!.Message, Does.Contain("not UTF-8"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
