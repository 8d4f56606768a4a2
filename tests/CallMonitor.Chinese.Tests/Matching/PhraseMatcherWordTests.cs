using CallMonitor.Chinese.Matching;

namespace CallMonitor.Chinese.Tests.Matching;

public class PhraseMatcherWordTests
{
    private static readonly PhraseMatcher Matcher = PhraseMatcher.Compile(
    [
        new PhrasePattern("unclear", "不清楚", PinyinTolerance.Homophone) { Exceptions = ["还有什么不清楚"] },
    ]);

    [Test]
    public void FindInWords_HitAcrossVoskWords_TimesOfFirstAndLastWord()
    {
        TimedWord[] words = [new("我", 10.0, 10.2), new("不", 10.3, 10.5), new("清楚", 10.5, 11.0), new("啊", 11.2, 11.4)];

        var matches = Matcher.FindInWords(words);

        Assert.That(matches, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(matches[0].Evidence, Is.EqualTo("不 清楚"));
            Assert.That(matches[0].Words, Is.EqualTo(new WordSpan(1, 2, 10.3, 11.0)));
        });
    }

    [Test]
    public void FindInWords_HitInsideOneLongWord_TimeWithinThatWordAndEndingWithIt()
    {
        TimedWord[] words = [new("你好", 0.0, 0.6), new("我不清楚", 1.0, 2.0)];

        var span = Matcher.FindInWords(words).Single().Words!.Value;

        Assert.Multiple(() =>
        {
            Assert.That(span.FirstWord, Is.EqualTo(1));
            Assert.That(span.WordCount, Is.EqualTo(1));
            Assert.That(span.Start, Is.GreaterThan(1.0).And.LessThan(2.0));
            Assert.That(span.End, Is.EqualTo(2.0));
        });
    }

    [Test]
    public void FindInWords_MisheardWords_HomophoneHitWithTimes()
    {
        TimedWord[] words = [new("不", 3.0, 3.2), new("青", 3.2, 3.4), new("楚", 3.4, 3.7)];

        var hit = Matcher.FindInWords(words).Single();

        Assert.Multiple(() =>
        {
            Assert.That(hit.Kind, Is.EqualTo(MatchKind.Homophone));
            Assert.That(hit.Words, Is.EqualTo(new WordSpan(0, 3, 3.0, 3.7)));
        });
    }

    [Test]
    public void FindInWords_SuppressedHit_CarriesWordTimesToo()
    {
        TimedWord[] words = [new("您", 0.0, 0.2), new("还有", 0.2, 0.6), new("什么", 0.6, 0.9), new("不", 0.9, 1.0), new("清楚", 1.0, 1.4)];

        var result = Matcher.FindInWords(words);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.Empty);
            Assert.That(result.Suppressed.Single().Match.Words, Is.EqualTo(new WordSpan(3, 2, 0.9, 1.4)));
        });
    }

    [Test]
    public void FindInWords_NoWords_Empty()
    {
        Assert.That(Matcher.FindInWords([]), Is.Empty);
    }

    [Test]
    public void FindInWords_WordEndingBeforeItStarts_Throws()
    {
        TimedWord[] words = [new("不", 1.0, 0.5)];

        Assert.That(() => Matcher.FindInWords(words), Throws.ArgumentException.With.Message.Contains("Word 0"));
    }

    [Test]
    public void Find_PlainText_HasNoWordTimes()
    {
        Assert.That(Matcher.Find("我不清楚").Single().Words, Is.Null);
    }
}
