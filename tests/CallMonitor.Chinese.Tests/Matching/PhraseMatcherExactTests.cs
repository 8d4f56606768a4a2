using CallMonitor.Chinese.Matching;

namespace CallMonitor.Chinese.Tests.Matching;

public class PhraseMatcherExactTests
{
    private static PhraseMatcher Compile(params PhrasePattern[] patterns) => PhraseMatcher.Compile(patterns);

    [Test]
    public void Find_PhraseInSentence_ReportsOriginalOffsetsAndEvidence()
    {
        const string text = "这个问题我不清楚，您问别人吧。";
        var matcher = Compile(new PhrasePattern("p1", "不清楚"));

        var matches = matcher.Find(text);

        Assert.That(matches, Has.Count.EqualTo(1));
        var hit = matches[0];
        Assert.Multiple(() =>
        {
            Assert.That(hit.PatternId, Is.EqualTo("p1"));
            Assert.That(hit.Start, Is.EqualTo(text.IndexOf("不清楚", StringComparison.Ordinal)));
            Assert.That(hit.Length, Is.EqualTo(3));
            Assert.That(hit.Evidence, Is.EqualTo("不清楚"));
            Assert.That(hit.Kind, Is.EqualTo(MatchKind.Exact));
            Assert.That(hit.Similarity, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Find_TraditionalText_MatchesSimplifiedPhraseWithTraditionalEvidence()
    {
        const string text = "「您還有什麼不清楚」這個我也不明白";
        var matcher = Compile(new PhrasePattern("unclear", "不清楚"), new PhrasePattern("dunno", "不明白"));

        var matches = matcher.Find(text);

        Assert.That(matches.Select(m => (m.PatternId, m.Evidence, m.Start)), Is.EqualTo(new[]
        {
            ("unclear", "不清楚", text.IndexOf("不清楚", StringComparison.Ordinal)),
            ("dunno", "不明白", text.IndexOf("不明白", StringComparison.Ordinal)),
        }));
    }

    [Test]
    public void Find_TraditionalPhrase_MatchesSimplifiedText()
    {
        var matcher = Compile(new PhrasePattern("p", "這不關我的事"));

        Assert.That(matcher.Find("对不起，这不关我的事。"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Find_VoskSpacedText_EvidenceSpansTheSpaces()
    {
        const string text = "我 不 清楚 你 问 我 我 问 谁";
        var matcher = Compile(new PhrasePattern("unclear", "不清楚"), new PhrasePattern("who", "你问我，我问谁"));

        var matches = matcher.Find(text);

        Assert.Multiple(() =>
        {
            Assert.That(matches.Select(m => m.Evidence), Is.EqualTo(new[] { "不 清楚", "你 问 我 我 问 谁" }));
            Assert.That(matches[0].Start, Is.EqualTo(text.IndexOf('不')));
            Assert.That(matches[1].End, Is.EqualTo(text.Length));
        });
    }

    [Test]
    public void Find_FullWidthDigitsAndPunctuation_MatchPhraseWrittenWithNumerals()
    {
        const string text = "请拨打１２３４５，谢谢";
        var matcher = Compile(new PhrasePattern("hotline", "一二三四五"));

        var matches = matcher.Find(text);

        Assert.That(matches.Select(m => m.Evidence), Is.EqualTo(new[] { "１２３４５" }));
    }

    [Test]
    public void Find_PhraseInsideLongerPhrase_BothPatternsReported()
    {
        var matcher = Compile(new PhrasePattern("know", "知道"), new PhrasePattern("dont-know", "不知道"));

        var ids = matcher.Find("我不知道").Select(m => m.PatternId);

        Assert.That(ids, Is.EquivalentTo(new[] { "know", "dont-know" }));
    }

    [Test]
    public void Find_OverlappingOccurrencesOfOnePattern_ReportedOnce()
    {
        var matcher = Compile(new PhrasePattern("laugh", "哈哈"));

        // 哈哈哈 holds 哈哈 at 0 and 1; they overlap and are one hit.
        Assert.That(matcher.Find("哈哈哈，好的"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Find_RepeatedAdjacentPhrase_EachOccurrenceReported()
    {
        var matcher = Compile(new PhrasePattern("p", "不知道"));

        var matches = matcher.Find("不知道不知道，真的不知道");

        Assert.That(matches.Select(m => m.Start), Is.EqualTo(new[] { 0, 3, 9 }));
    }

    [Test]
    public void Find_NoPatternInText_Empty()
    {
        var matcher = Compile(new PhrasePattern("p", "不清楚"));

        var matches = matcher.Find("您好，很高兴为您服务。");

        Assert.Multiple(() =>
        {
            Assert.That(matches, Is.Empty);
            Assert.That(matches.Suppressed, Is.Empty);
        });
    }

    [Test]
    public void Find_RandomTextAndPatterns_AgreesWithNaiveSearch()
    {
        // A small alphabet forces many overlapping, nested and repeated occurrences.
        const string alphabet = "甲乙丙丁";
        var random = new Random(20240611);
        string Word(int min, int max) =>
            new([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

        for (var round = 0; round < 30; round++)
        {
            var phrases = Enumerable.Range(0, 12).Select(_ => Word(1, 5)).Distinct().ToList();
            var text = Word(50, 200);
            var matcher = Compile([.. phrases.Select((p, i) => new PhrasePattern($"p{i}", p))]);

            var actual = matcher.Find(text).Select(m => (m.PatternId, m.Start)).OrderBy(x => x).ToList();

            var expected = new List<(string, int)>();
            for (var i = 0; i < phrases.Count; i++)
            {
                // Leftmost non-overlapping occurrences of each phrase.
                for (var at = text.IndexOf(phrases[i], StringComparison.Ordinal); at >= 0;
                     at = text.IndexOf(phrases[i], at + phrases[i].Length, StringComparison.Ordinal))
                {
                    expected.Add(($"p{i}", at));
                }
            }

            Assert.That(actual, Is.EqualTo(expected.OrderBy(x => x).ToList()), $"text {text}, phrases {string.Join(",", phrases)}");
        }
    }

    [Test]
    public void Find_AnchoredAtTextStart_OnlyAtTheStart()
    {
        var matcher = Compile(
            new PhrasePattern("wei-start", "喂") { Anchor = PhraseAnchor.TextStart },
            new PhrasePattern("wei-any", "喂"));

        var atStart = matcher.Find("  “喂，你找谁？”").Select(m => m.PatternId);
        var inside = matcher.Find("您好，刚才是您喂的小猫吗").Select(m => m.PatternId);

        Assert.Multiple(() =>
        {
            Assert.That(atStart, Is.EquivalentTo(new[] { "wei-start", "wei-any" }));
            Assert.That(inside, Is.EqualTo(new[] { "wei-any" }));
        });
    }
}
