using CallMonitor.Chinese.Privacy;
using CallMonitor.Domain.Calls;
using CallMonitor.Reporting.Privacy;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Reporting.Tests.Privacy;

/// <summary>Timed words are masked where their characters are masked in the segment's text.</summary>
public sealed class WordMaskingTests
{
    private const string Number = "幺三八一二三四五六七八";

    private static readonly SensitiveNumberMasker Masker = new();

    [Test]
    public void Mask_OneWordPerDigit_FirstSevenDigitWordsMaskedLastFourKept()
    {
        string[] words = ["我的", "号码", "是", .. Number.Select(c => c.ToString()), "好的"];

        var masked = MaskSegment(string.Concat(words), words);

        var digitWords = masked.Words.Skip(3).Take(Number.Length).Select(w => w.Text).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(digitWords.Take(7), Is.All.EqualTo(SensitiveNumberMasker.MaskChar.ToString()));
            Assert.That(string.Concat(digitWords.Skip(7)), Is.EqualTo(Number[^4..]));
            Assert.That(masked.Words.Select(w => w.Text).Where((_, i) => i < 3 || i > 13), Is.EqualTo(new[] { "我的", "号码", "是", "好的" }));
        });
    }

    [TestCase("是幺三", "八一二三四五", "六七八好的", TestName = "Mask_NumberSplitInsideWords_WordsMaskedLikeTheSegment")]
    [TestCase("是幺三八一二三", "四五六七八", "好的", TestName = "Mask_NumberOverTwoWords_WordsMaskedLikeTheSegment")]
    [TestCase("是", "幺三八一二三四五六七八好的", "", TestName = "Mask_NumberInsideOneWord_WordsMaskedLikeTheSegment")]
    public void Mask_WordsSplitAnywhere(string first, string second, string third)
    {
        string[] words = [first, second, third];

        var masked = MaskSegment(string.Concat(words), words);

        Assert.Multiple(() =>
        {
            Assert.That(masked.Text, Does.Contain(SensitiveNumberMasker.MaskChar));
            Assert.That(string.Concat(masked.Words.Select(w => w.Text)), Is.EqualTo(masked.Text));
        });
    }

    [Test]
    public void Mask_VoskSpacedText_WordsMaskedLikeTheSegment()
    {
        string[] words = ["电话", .. "1 3 8 1 2 3 4 5 6 7 8".Split(' ')];

        var masked = MaskSegment("电话 " + string.Join(' ', words.Skip(1)), words);

        Assert.That(string.Join(' ', masked.Words.Skip(1).Select(w => w.Text)), Is.EqualTo(masked.Text[3..]));
    }

    [Test]
    public void Mask_WordsSpelledDifferentlyFromText_WordsStillMasked()
    {
        // The text has Arabic digits, the words Chinese ones: the words cannot be found in the text.
        string[] words = ["电话", .. Number.Select(c => c.ToString())];

        var masked = MaskSegment("电话：138-1234-5678", words);

        var digits = masked.Words.Skip(1).Select(w => w.Text).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(masked.Text, Is.EqualTo("电话：***-****-5678"));
            Assert.That(digits.Take(7), Is.All.EqualTo(SensitiveNumberMasker.MaskChar.ToString()));
            Assert.That(string.Concat(digits.Skip(7)), Is.EqualTo(Number[^4..]));
        });
    }

    [Test]
    public void Mask_WordsMissingPartOfTheNumber_MaskedWhereTheSegmentIs()
    {
        // The recogniser timed only some of the digits: the words alone hold 7 digits, no number, but the text has it.
        string[] words = ["号码", Number[..3], Number[^4..]];

        var masked = MaskSegment("号码" + Number, words);

        Assert.That(masked.Words.Select(w => w.Text), Is.EqualTo(new[] { "号码", "***", Number[^4..] }));
    }

    [Test]
    public void Mask_WordsMasked_TimesAndConfidenceKept()
    {
        string[] words = ["号码", .. Number.Select(c => c.ToString())];
        var segment = Segment(string.Concat(words), words);

        var masked = ReportMasking.Mask(Document(segment), Masker).Segments[0];

        Assert.Multiple(() =>
        {
            Assert.That(masked.Words.Select(w => (w.Start, w.End, w.Confidence)), Is.EqualTo(segment.Words.Select(w => (w.Start, w.End, w.Confidence))));
            Assert.That(masked.Words.Select(w => w.Text.Length), Is.EqualTo(segment.Words.Select(w => w.Text.Length)));
            Assert.That(masked.Words, Is.Not.EqualTo(segment.Words));
        });
    }

    [Test]
    public void Mask_RepeatedDigitWordsBeforeTheNumber_AlignedInOrder()
    {
        // 一 occurs before the number; words are placed in order, so the number's words are still found where they are.
        string[] words = ["一", "下", "号码", .. Number.Select(c => c.ToString())];

        var masked = MaskSegment(string.Concat(words), words);

        Assert.Multiple(() =>
        {
            Assert.That(masked.Words.Take(3).Select(w => w.Text), Is.EqualTo(new[] { "一", "下", "号码" }));
            Assert.That(string.Concat(masked.Words.Select(w => w.Text)), Is.EqualTo(masked.Text));
        });
    }

    private static TranscriptSegment MaskSegment(string text, string[] words) =>
        ReportMasking.Mask(Document(Segment(text, words)), Masker).Segments[0];

    private static TranscriptDocument Document(TranscriptSegment segment) => new("call-1", null, [segment], []);

    private static TranscriptSegment Segment(string text, string[] words) => new(
        SpeakerRole.Customer,
        0,
        words.Length * 0.3,
        text,
        [.. words.Select((w, i) => new TranscriptWord(w, i * 0.3, (i * 0.3) + 0.25, 0.5 + (i % 5 * 0.1)))]);
}
