using CallMonitor.Chinese.Matching;

namespace CallMonitor.Chinese.Tests.Matching;

public class PhraseMatcherExceptionTests
{
    private static readonly PhrasePattern Unclear = new("unclear", "不清楚", PinyinTolerance.Homophone)
    {
        Exceptions = ["还有什么不清楚"],
    };

    [Test]
    public void Find_HitInsideException_SuppressedAndReportedWithTheException()
    {
        const string text = "请问您还有什么不清楚的地方吗？";
        var matcher = PhraseMatcher.Compile([Unclear]);

        var matches = matcher.Find(text);

        Assert.That(matches, Is.Empty);
        Assert.That(matches.Suppressed, Has.Count.EqualTo(1));
        var why = matches.Suppressed[0];
        Assert.Multiple(() =>
        {
            Assert.That(why.Match.PatternId, Is.EqualTo("unclear"));
            Assert.That(why.Match.Evidence, Is.EqualTo("不清楚"));
            Assert.That(why.Exception, Is.EqualTo("还有什么不清楚"));
            Assert.That(why.ExceptionEvidence, Is.EqualTo("还有什么不清楚"));
            Assert.That(why.ExceptionStart, Is.EqualTo(text.IndexOf('还')));
            Assert.That(why.ExceptionStart, Is.LessThanOrEqualTo(why.Match.Start));
            Assert.That(why.ExceptionStart + why.ExceptionLength, Is.GreaterThanOrEqualTo(why.Match.End));
        });
    }

    [Test]
    public void Find_HitOutsideException_StillReported()
    {
        const string text = "您还有什么不清楚的吗？这个我也不清楚。";
        var matcher = PhraseMatcher.Compile([Unclear]);

        var matches = matcher.Find(text);

        Assert.Multiple(() =>
        {
            Assert.That(matches.Select(m => m.Start), Is.EqualTo(new[] { text.LastIndexOf("不清楚", StringComparison.Ordinal) }));
            Assert.That(matches.Suppressed.Select(s => s.Match.Start), Is.EqualTo(new[] { text.IndexOf("不清楚", StringComparison.Ordinal) }));
        });
    }

    [Test]
    public void Find_SeveralExceptionsAndHits_EachHitJudgedByTheOccurrenceAroundIt()
    {
        const string text = "不清楚。您还有什么不清楚吗？不清楚的地方问我。我不清楚。";
        var matcher = PhraseMatcher.Compile(
            [new PhrasePattern("unclear", "不清楚") { Exceptions = ["还有什么不清楚", "不清楚的地方"] }]);
        var all = new List<int>();
        for (var at = text.IndexOf("不清楚", StringComparison.Ordinal); at >= 0; at = text.IndexOf("不清楚", at + 1, StringComparison.Ordinal))
        {
            all.Add(at);
        }

        var result = matcher.Find(text);

        Assert.Multiple(() =>
        {
            Assert.That(result.Select(m => m.Start), Is.EqualTo(new[] { all[0], all[3] }));
            Assert.That(result.Suppressed.Select(s => (s.Match.Start, s.Exception)), Is.EqualTo(new[]
            {
                (all[1], "还有什么不清楚"),
                (all[2], "不清楚的地方"),
            }));
        });
    }

    [Test]
    public void Find_TraditionalSpacedTextInsideException_Suppressed()
    {
        var matcher = PhraseMatcher.Compile([Unclear]);

        var matches = matcher.Find("您 還有 什麼 不 清楚 的 地方 嗎");

        Assert.Multiple(() =>
        {
            Assert.That(matches, Is.Empty);
            Assert.That(matches.Suppressed.Single().ExceptionEvidence, Is.EqualTo("還有 什麼 不 清楚"));
        });
    }

    [Test]
    public void Find_MisheardHitInsideMisheardException_Suppressed()
    {
        // The recogniser heard 青 for 清 in the polite question: the exception matches by sound too.
        var matcher = PhraseMatcher.Compile([Unclear]);

        var matches = matcher.Find("您还有什么不青楚的地方吗");

        Assert.Multiple(() =>
        {
            Assert.That(matches, Is.Empty);
            Assert.That(matches.Suppressed.Single().Match.Kind, Is.EqualTo(MatchKind.Homophone));
        });
    }

    [Test]
    public void Find_ExceptionOfAnotherPattern_DoesNotSuppress()
    {
        // 还有什么不清楚 excuses 不清楚 only, not another pattern inside it.
        var matcher = PhraseMatcher.Compile([Unclear, new PhrasePattern("what-unclear", "什么不清楚")]);

        var result = matcher.Find("您还有什么不清楚的");

        Assert.Multiple(() =>
        {
            Assert.That(result.Select(m => m.PatternId), Is.EqualTo(new[] { "what-unclear" }));
            Assert.That(result.Suppressed.Select(s => s.Match.PatternId), Is.EqualTo(new[] { "unclear" }));
        });
    }

    [Test]
    public void Compile_ExceptionWithoutThePhrase_RejectedNamingPatternAndException()
    {
        var bad = new PhrasePattern("dunno", "不知道") { Exceptions = ["您是否知道"] };

        var error = Assert.Throws<PhrasePatternException>(() => PhraseMatcher.Compile([bad]));

        Assert.Multiple(() =>
        {
            Assert.That(error.PatternId, Is.EqualTo("dunno"));
            Assert.That(error.Message, Does.Contain("您是否知道").And.Contain("不知道"));
        });
    }

    [Test]
    public void Compile_ExceptionContainingPhraseOnlyBySound_AcceptedForSoundTolerance()
    {
        var pattern = new PhrasePattern("p", "不清楚", PinyinTolerance.Homophone) { Exceptions = ["还有什么不青楚"] };

        Assert.That(() => PhraseMatcher.Compile([pattern]), Throws.Nothing);
    }

    [Test]
    public void Compile_DuplicateId_Rejected()
    {
        var error = Assert.Throws<PhrasePatternException>(
            () => PhraseMatcher.Compile([new PhrasePattern("x", "不清楚"), new PhrasePattern("x", "不知道")]));

        Assert.That(error.Message, Does.Contain("'x'"));
    }

    [TestCase("，。！")]
    [TestCase("   ")]
    public void Compile_PhraseEmptyAfterNormalisation_Rejected(string phrase)
    {
        var error = Assert.Throws<PhrasePatternException>(() => PhraseMatcher.Compile([new PhrasePattern("blank", phrase)]));

        Assert.That(error.PatternId, Is.EqualTo("blank"));
    }

    [Test]
    public void Compile_MinSoundLengthOfOne_Rejected()
    {
        var pattern = new PhrasePattern("wei", "喂", PinyinTolerance.Homophone) { MinSoundLength = 1 };

        Assert.That(() => PhraseMatcher.Compile([pattern]), Throws.TypeOf<PhrasePatternException>());
    }

    [Test]
    public void Compile_CallerChangesExceptionListAfterwards_MatcherUnchanged()
    {
        var exceptions = new List<string> { "还有什么不清楚" };
        var matcher = PhraseMatcher.Compile([new PhrasePattern("p", "不清楚") { Exceptions = exceptions }]);

        exceptions.Clear();

        Assert.That(matcher.Find("您还有什么不清楚的").Suppressed, Has.Count.EqualTo(1));
    }
}
