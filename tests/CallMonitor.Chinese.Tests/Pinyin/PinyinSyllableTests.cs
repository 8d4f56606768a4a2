using CallMonitor.Chinese.Pinyin;

namespace CallMonitor.Chinese.Tests.Pinyin;

public class PinyinSyllableTests
{
    [TestCase("qīng", "q", "īng", 1, "qing1")]
    [TestCase("zhāng", "zh", "āng", 1, "zhang1")]
    [TestCase("chǔ", "ch", "ǔ", 3, "chu3")]
    [TestCase("shéi", "sh", "éi", 2, "shei2")]
    [TestCase("yǒu", "y", "ǒu", 3, "you3")]
    [TestCase("wèi", "w", "èi", 4, "wei4")]
    [TestCase("ān", "", "ān", 1, "an1")]
    [TestCase("lǜ", "l", "ǜ", 4, "lv4")]
    [TestCase("lüè", "l", "üè", 4, "lve4")]
    [TestCase("qù", "q", "ù", 4, "qu4")]
    [TestCase("ma", "m", "a", 5, "ma5")]
    [TestCase("ér", "", "ér", 2, "er2")]
    [TestCase("ńg", "", "ńg", 2, "ng2")]
    public void Parse_ToneMarkedSyllable_SplitsInitialFinalAndTone(string text, string initial, string final, int tone, string numbered)
    {
        var syllable = PinyinSyllable.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(syllable.Initial, Is.EqualTo(initial));
            Assert.That(syllable.Final, Is.EqualTo(final));
            Assert.That(syllable.Tone, Is.EqualTo(tone));
            Assert.That(syllable.Numbered, Is.EqualTo(numbered));
            Assert.That(syllable.Text, Is.EqualTo(text));
        });
    }

    [TestCase("nǐ", 2, "ní")]
    [TestCase("bù", 2, "bú")]
    [TestCase("yī", 4, "yì")]
    [TestCase("hǎo", 2, "háo")]
    [TestCase("gè", 5, "ge")]
    [TestCase("lǚ", 2, "lǘ")]
    [TestCase("xiū", 4, "xiù")]
    [TestCase("guì", 1, "guī")]
    [TestCase("dou", 3, "dǒu")]
    public void WithTone_OtherTone_MovesMarkToTheRightVowel(string text, int tone, string expected)
    {
        var changed = PinyinSyllable.Parse(text).WithTone(tone);

        Assert.Multiple(() =>
        {
            Assert.That(changed.Text, Is.EqualTo(expected));
            Assert.That(changed.Tone, Is.EqualTo(tone));
            Assert.That(changed, Is.EqualTo(PinyinSyllable.Parse(expected)));
        });
    }

    [TestCase("")]
    [TestCase("ni3")]
    [TestCase("你")]
    public void Parse_NotPinyin_ThrowsFormatException(string text)
    {
        Assert.That(() => PinyinSyllable.Parse(text), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Toneless_SameSyllableDifferentTones_AreHomophoneKeys()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PinyinSyllable.Parse("shí").Toneless, Is.EqualTo(PinyinSyllable.Parse("shì").Toneless));
            Assert.That(PinyinSyllable.Parse("lǜ").Toneless, Is.Not.EqualTo(PinyinSyllable.Parse("lù").Toneless));
        });
    }
}
