using CallMonitor.Chinese.Matching;

namespace CallMonitor.Chinese.Tests.Matching;

public class PhraseMatcherSoundTests
{
    private static PhraseMatches Find(string phrase, PinyinTolerance tolerance, string text) =>
        PhraseMatcher.Compile([new PhrasePattern("p", phrase, tolerance)]).Find(text);

    [Test]
    public void Find_MisheardHomophoneWithHomophoneTolerance_Caught()
    {
        const string text = "这个我不青楚";

        var matches = Find("不清楚", PinyinTolerance.Homophone, text);

        Assert.That(matches, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(matches[0].Evidence, Is.EqualTo("不青楚"));
            Assert.That(matches[0].Start, Is.EqualTo(text.IndexOf('不')));
            Assert.That(matches[0].Kind, Is.EqualTo(MatchKind.Homophone));
            Assert.That(matches[0].Similarity, Is.LessThan(1.0).And.GreaterThan(0.5));
        });
    }

    [Test]
    public void Find_MisheardHomophoneWithExactTolerance_NotCaught()
    {
        Assert.That(Find("不清楚", PinyinTolerance.Exact, "这个我不青楚"), Is.Empty);
    }

    [Test]
    public void Find_HomophoneWithOtherTone_CaughtButLessSimilarThanSameTone()
    {
        // 请 qǐng vs 青 qīng: same syllable, other tone.
        var otherTone = Find("不清楚", PinyinTolerance.Homophone, "我不请楚");
        var sameTone = Find("不清楚", PinyinTolerance.Homophone, "我不青楚");

        Assert.That(otherTone, Has.Count.EqualTo(1));
        Assert.That(otherTone[0].Similarity, Is.LessThan(sameTone[0].Similarity));
    }

    [Test]
    public void Find_ExactTextWithHomophoneTolerance_OneExactHit()
    {
        var matches = Find("不清楚", PinyinTolerance.Homophone, "我不清楚");

        Assert.That(matches.Select(m => (m.Kind, m.Similarity)), Is.EqualTo(new[] { (MatchKind.Exact, 1.0) }));
    }

    [TestCase("知道", "我不资道", TestName = "Find_NearInitialZhZ_CaughtOnlyWithNear")]
    [TestCase("不清楚", "我不秦楚", TestName = "Find_NearFinalIngIn_CaughtOnlyWithNear")]
    [TestCase("老师", "脑师说的", TestName = "Find_NearInitialLN_CaughtOnlyWithNear")]
    [TestCase("服务", "胡务态度", TestName = "Find_NearInitialFH_CaughtOnlyWithNear")]
    [TestCase("热情", "很乐情", TestName = "Find_NearInitialRL_CaughtOnlyWithNear")]
    [TestCase("先生", "香生您好", TestName = "Find_NearFinalIanIang_CaughtOnlyWithNear")]
    [TestCase("认真", "很认蒸", TestName = "Find_NearFinalEnEng_CaughtOnlyWithNear")]
    public void Find_NearConfusion_CaughtOnlyWithNear(string phrase, string text)
    {
        var near = Find(phrase, PinyinTolerance.Near, text);
        var homophone = Find(phrase, PinyinTolerance.Homophone, text);

        Assert.Multiple(() =>
        {
            Assert.That(near.Select(m => m.Kind), Is.EqualTo(new[] { MatchKind.Near }));
            Assert.That(near.Single().Similarity, Is.LessThan(1.0));
            Assert.That(homophone, Is.Empty);
        });
    }

    [Test]
    public void Find_NearToleranceOnHomophone_ReportedAsHomophoneAndCloserThanNear()
    {
        var homophone = Find("不清楚", PinyinTolerance.Near, "我不青楚");
        var near = Find("不清楚", PinyinTolerance.Near, "我不秦楚");

        Assert.Multiple(() =>
        {
            Assert.That(homophone.Single().Kind, Is.EqualTo(MatchKind.Homophone));
            Assert.That(homophone.Single().Similarity, Is.GreaterThan(near.Single().Similarity));
        });
    }

    [Test]
    public void Find_ConfusionsDoNotChain_RAndNNotConfused()
    {
        // r~l and l~n are confusions, r~n is not: 热情 (rè) must not match 呢情 (ne).
        Assert.That(Find("热情", PinyinTolerance.Near, "呢情"), Is.Empty);
    }

    [Test]
    public void Find_UnrelatedSyllable_NotCaughtEvenWithNear()
    {
        // 不 + 明 (míng) + 楚: ming is neither a homophone nor a near confusion of qing.
        Assert.That(Find("不清楚", PinyinTolerance.Near, "我不明楚"), Is.Empty);
    }

    [Test]
    public void Find_PolyphoneInText_AnyCommonReadingMatches()
    {
        // 还 reads hái and huán; the phrase 环境 (huán jìng) heard as 还境.
        Assert.That(Find("环境", PinyinTolerance.Homophone, "这个还境很好"), Has.Count.EqualTo(1));
    }

    [TestCase(PinyinTolerance.Homophone)]
    [TestCase(PinyinTolerance.Near)]
    public void Find_OneCharacterPhrase_NeverMatchesBySound(PinyinTolerance tolerance)
    {
        // 喂 and 为 are both wèi.
        var matches = Find("喂", tolerance, "为什么");

        Assert.That(matches, Is.Empty);
    }

    [Test]
    public void Find_OneCharacterPhraseWithTolerance_StillMatchesExactly()
    {
        Assert.That(Find("喂", PinyinTolerance.Homophone, "喂，你好"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Find_PhraseShorterThanMinSoundLength_MatchesOnlyExactly()
    {
        var matcher = PhraseMatcher.Compile([new PhrasePattern("p", "知道", PinyinTolerance.Homophone) { MinSoundLength = 3 }]);

        Assert.Multiple(() =>
        {
            Assert.That(matcher.Find("我知到了"), Is.Empty);
            Assert.That(matcher.Find("我知道了"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Find_CharacterWithoutPinyinInPlace_NeverMatchesBySound()
    {
        // Latin letters and digits-as-letters have no reading: they cannot stand in for 清.
        Assert.Multiple(() =>
        {
            Assert.That(Find("不清楚", PinyinTolerance.Near, "我不q楚"), Is.Empty);
            Assert.That(Find("不清楚", PinyinTolerance.Near, "我不qing楚"), Is.Empty);
        });
    }

    [Test]
    public void Find_PhraseWithLatinLetters_LettersMustMatchExactly()
    {
        var matcher = PhraseMatcher.Compile([new PhrasePattern("p", "用不起app", PinyinTolerance.Homophone)]);

        Assert.Multiple(() =>
        {
            Assert.That(matcher.Find("你用不起APP就别用").Select(m => m.Kind), Is.EqualTo(new[] { MatchKind.Exact }));
            Assert.That(matcher.Find("你用不齐app就别用").Select(m => m.Kind), Is.EqualTo(new[] { MatchKind.Homophone }));
            Assert.That(matcher.Find("你用不起apk就别用"), Is.Empty);
        });
    }
}
