using CallMonitor.Chinese.Pinyin;
using CallMonitor.TestKit.Phrases;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Kws;

/// <summary>The filler check of the planted-phrase calls, with the project's own pinyin tables.</summary>
public sealed class PhraseGuardTests
{
    private static PhraseGuard Guard(params string[] phrases) =>
        new(phrases, c => [.. PinyinDictionary.Default.Readings(c).Select(s => s.Toneless).Distinct()]);

    [Test]
    public void Find_TextSaysThePhrase_ReturnsWhereItStarts()
    {
        Assert.That(Guard("不清楚").Find("我也不清楚啊"), Is.EqualTo(new[] { ("不清楚", 2) }));
    }

    [Test]
    public void Find_WordSoundingLikeOneSyllablePhrase_IsFound()
    {
        // 位 (wèi) is said exactly like 喂 (wèi): a spotter cannot tell them apart.
        Assert.That(Guard("喂").Find("这位"), Is.EqualTo(new[] { ("喂", 1) }));
    }

    [Test]
    public void IsClean_UnrelatedText_True()
    {
        Assert.That(Guard("不清楚", "喂").IsClean("您好请问有什么可以帮您"), Is.True);
    }

    [Test]
    public void IsClean_SyllablesSpellingThePhrase_False()
    {
        var guard = Guard("不清楚");

        Assert.Multiple(() =>
        {
            Assert.That(guard.IsClean(["wo3", "bu4", "qing1", "chu3"]), Is.False);
            Assert.That(guard.IsClean(["wo3", "bu4", "qing1", "xi3"]), Is.True);
        });
    }

    [Test]
    public void IsClean_UmlautWrittenV_SameSoundAsU()
    {
        // The customer bank writes 去 as qv4; the pinyin tables spell it qu.
        Assert.That(Guard("去").IsClean(["qv4"]), Is.False);
    }
}
