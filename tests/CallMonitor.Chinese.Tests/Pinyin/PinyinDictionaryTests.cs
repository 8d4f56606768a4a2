using CallMonitor.Chinese.Pinyin;

namespace CallMonitor.Chinese.Tests.Pinyin;

public class PinyinDictionaryTests
{
    private static readonly PinyinDictionary Dictionary = PinyinDictionary.Default;

    private static string[] Texts(IEnumerable<PinyinSyllable> syllables) => [.. syllables.Select(s => s.Text)];

    [Test]
    public void Readings_Shei_HasShéiFirstAndShuí()
    {
        var readings = Texts(Dictionary.Readings('谁'));

        Assert.Multiple(() =>
        {
            Assert.That(readings[0], Is.EqualTo("shéi"));
            Assert.That(readings, Does.Contain("shuí"));
            Assert.That(Texts(Dictionary.CommonReadings('谁')), Does.Contain("shuí"));
        });
    }

    [TestCase('有', "y", "ǒu")]
    [TestCase('为', "w", "èi")]
    [TestCase('安', "", "ān")]
    [TestCase('绿', "l", "ǜ")]
    [TestCase('女', "n", "ǚ")]
    [TestCase('去', "q", "ù")]
    [TestCase('学', "x", "ué")]
    [TestCase('雨', "y", "ǔ")]
    public void Primary_CommonCharacter_UsesKwsSpelling(char c, string initial, string final)
    {
        var primary = Dictionary.Primary(c);

        Assert.That(primary, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(primary!.Initial, Is.EqualTo(initial));
            Assert.That(primary.Final, Is.EqualTo(final));
        });
    }

    [Test]
    public void Primary_ParticleMa_IsNeutralTone()
    {
        var ma = Dictionary.Primary('吗');

        Assert.Multiple(() =>
        {
            Assert.That(ma?.Tone, Is.EqualTo(5));
            Assert.That(ma?.Final, Is.EqualTo("a"));
        });
    }

    [TestCase('A')]
    [TestCase('1')]
    [TestCase('，')]
    [TestCase('\u3400')]
    public void Readings_NotACoveredIdeograph_IsEmpty(char c)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Dictionary.Readings(c), Is.Empty);
            Assert.That(Dictionary.Contains(c), Is.False);
            Assert.That(Dictionary.Primary(c), Is.Null);
        });
    }

    [Test]
    public void Count_UnifiedIdeographBlock_CoversNearlyAllOfIt()
    {
        // U+4E00..U+9FFF holds about 20,990 assigned ideographs, nearly all with a Mandarin reading.
        Assert.That(Dictionary.Count, Is.InRange(20_000, 20_992));
    }

    [Test]
    public void CommonReadings_Always_PrefixOfReadings()
    {
        foreach (var c in "不了的一个行长")
        {
            var all = Dictionary.Readings(c);
            var common = Dictionary.CommonReadings(c);
            Assert.That(all.Take(common.Count), Is.EqualTo(common), $"character {c}");
        }
    }
}
