using CallMonitor.Chinese.Pinyin;

namespace CallMonitor.Chinese.Tests.Pinyin;

public class PhrasePinyinTests
{
    private static string Spell(IEnumerable<PinyinSyllable> spelling) => string.Join(' ', spelling.Select(s => s.Text));

    private static List<string> SpellAll(string phrase, int max = 8) => [.. PhrasePinyin.Spellings(phrase, max).Select(Spell)];

    [Test]
    public void Spellings_BuQingChu_FirstIsPrimaryReadingSplitIntoTokens()
    {
        var first = PhrasePinyin.Spellings("不清楚")[0];

        var tokens = first.SelectMany(s => new[] { s.Initial, s.Final });
        Assert.That(tokens, Is.EqualTo(new[] { "b", "ù", "q", "īng", "ch", "ǔ" }));
    }

    [Test]
    public void Spellings_NiHao_CitationFirstThenThirdToneSandhi()
    {
        var all = SpellAll("你好");

        Assert.Multiple(() =>
        {
            Assert.That(all[0], Is.EqualTo("nǐ hǎo"));
            Assert.That(all, Does.Contain("ní hǎo"));
            Assert.That(all.IndexOf("ní hǎo"), Is.EqualTo(1), "sandhi of the primary reading ranks above rarer readings");
        });
    }

    [Test]
    public void Spellings_ThreeThirdTones_AllButLastBecomeSecond()
    {
        Assert.That(SpellAll("我很好"), Does.Contain("wó hén hǎo"));
    }

    [Test]
    public void Spellings_BuYao_HasBuSandhiVariant()
    {
        var all = SpellAll("不要");

        Assert.Multiple(() =>
        {
            Assert.That(all[0], Is.EqualTo("bù yào"));
            Assert.That(all, Does.Contain("bú yào"));
        });
    }

    [Test]
    public void Spellings_BuBeforeOtherTone_NoBuSandhi()
    {
        Assert.That(SpellAll("不清楚"), Has.None.StartsWith("bú"));
    }

    [TestCase("一样", "yí yàng")]
    [TestCase("一天", "yì tiān")]
    [TestCase("一起", "yì qǐ")]
    [TestCase("一个", "yí ge")]
    [TestCase("不是", "bú shi")]
    public void Spellings_Yi_SandhiByFollowingTone(string phrase, string expected)
    {
        Assert.That(SpellAll(phrase), Does.Contain(expected));
    }

    [TestCase("第一天")]
    [TestCase("一二三")]
    public void Spellings_YiAsNumber_KeepsFirstTone(string phrase)
    {
        Assert.That(SpellAll(phrase, 32), Has.All.Contain("yī"));
    }

    [Test]
    public void Spellings_Ma_IsNeutral()
    {
        var ma = PhrasePinyin.Spellings("好吗")[0][1];

        Assert.Multiple(() =>
        {
            Assert.That(ma.Tone, Is.EqualTo(5));
            Assert.That(ma.Final, Is.EqualTo("a"));
        });
    }

    [Test]
    public void Spellings_GeAfterNumeral_HasNeutralParticleVariant()
    {
        var all = SpellAll("三个");

        Assert.Multiple(() =>
        {
            Assert.That(all[0], Is.EqualTo("sān gè"));
            Assert.That(all, Does.Contain("sān ge"));
        });
    }

    [Test]
    public void Spellings_Shei_IncludesShuíVariant()
    {
        var all = SpellAll("是谁");

        Assert.That(all, Does.Contain("shì shéi").And.Contain("shì shuí"));
    }

    [Test]
    public void Spellings_AnyPhrase_NoDuplicatesAndBounded()
    {
        foreach (var phrase in new[] { "不清楚你问我", "你好我好大家好", "一个不行", "了的吗呢吧" })
        {
            var all = SpellAll(phrase, 6);
            Assert.That(all, Is.Unique.And.Count.InRange(1, 6), phrase);
            Assert.That(SpellAll(phrase, 6), Is.EqualTo(all), "same input, same order");
        }
    }

    [Test]
    public void Spellings_SpacesAndLatin_SkippedButSpacesKeepSandhi()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SpellAll("VIP 你 好")[0], Is.EqualTo("nǐ hǎo"));
            Assert.That(SpellAll("你 好"), Does.Contain("ní hǎo"));
        });
    }

    [Test]
    public void Spellings_PunctuationBetweenThirdTones_NoSandhi()
    {
        Assert.That(SpellAll("你，好", 32), Has.None.EqualTo("ní hǎo"));
    }

    [Test]
    public void Spellings_NoIdeograph_Empty()
    {
        Assert.That(PhrasePinyin.Spellings("abc 123"), Is.Empty);
    }

    [Test]
    public void Spellings_ZeroVariants_Throws()
    {
        Assert.That(() => PhrasePinyin.Spellings("你好", 0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
