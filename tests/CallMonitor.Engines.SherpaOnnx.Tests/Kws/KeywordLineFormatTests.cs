using CallMonitor.Engines.SherpaOnnx.Kws;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Kws;

[TestFixture]
public sealed class KeywordLineFormatTests
{
    [Test]
    public void Parse_PlainLine_TokensAndPhrase()
    {
        var spec = KeywordLineFormat.Parse("n ǐ h ǎo j ūn g ē @你好军哥");

        Assert.Multiple(() =>
        {
            Assert.That(spec.Phrase, Is.EqualTo("你好军哥"));
            Assert.That(spec.Tokens, Is.EqualTo(new[] { "n", "ǐ", "h", "ǎo", "j", "ūn", "g", "ē" }));
            Assert.That(spec.Threshold, Is.Null);
            Assert.That(spec.Boost, Is.Null);
        });
    }

    [Test]
    public void Parse_BoostAndThreshold_ReadInvariantNumbers()
    {
        var spec = KeywordLineFormat.Parse("f ǎ g uó :2.5 #0.3 @法国");

        Assert.Multiple(() =>
        {
            Assert.That(spec.Boost, Is.EqualTo(2.5f));
            Assert.That(spec.Threshold, Is.EqualTo(0.3f));
            Assert.That(spec.TokenText, Is.EqualTo("f ǎ g uó"));
        });
    }

    [Test]
    public void Format_ParsedLine_RoundTrips()
    {
        var spec = new KeywordSpec("落实", ["l", "uò", "sh", "í"], 0.35f, 1.5f);

        var again = KeywordLineFormat.Parse(KeywordLineFormat.Format(spec));

        Assert.Multiple(() =>
        {
            Assert.That(again.Phrase, Is.EqualTo(spec.Phrase));
            Assert.That(again.Tokens, Is.EqualTo(spec.Tokens));
            Assert.That(again.Threshold, Is.EqualTo(spec.Threshold));
            Assert.That(again.Boost, Is.EqualTo(spec.Boost));
        });
    }

    [TestCase("n ǐ h ǎo")]
    [TestCase("@你好")]
    [TestCase("n ǐ :abc @你好")]
    public void Parse_MalformedLine_ThrowsFormatException(string line)
    {
        Assert.Throws<FormatException>(() => KeywordLineFormat.Parse(line));
    }

    [Test]
    public void ParseLines_BadSecondLine_MessageNamesTheLine()
    {
        var ex = Assert.Throws<FormatException>(() => KeywordLineFormat.ParseLines("f ǎ g uó @法国\n\nl uò sh í\n"));

        Assert.That(ex!.Message, Does.StartWith("line 3:"));
    }
}
