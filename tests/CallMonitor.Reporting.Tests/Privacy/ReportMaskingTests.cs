using CallMonitor.Chinese.Privacy;
using CallMonitor.Domain.Calls;
using CallMonitor.Reporting.Formats;
using CallMonitor.Reporting.Privacy;
using CallMonitor.Reporting.Reports;
using CallMonitor.Speech.Transcripts;
using static CallMonitor.Reporting.Tests.Reports;

namespace CallMonitor.Reporting.Tests.Privacy;

public sealed class ReportMaskingTests
{
    // Planted numbers, as ASCII digits for the leak check.
    private const string Phone = "15967283041";
    private const string IdNumber = "33010619850917263X";
    private const string Card = "6222026048391757";

    private static readonly SensitiveNumberMasker Masker = new();

    [Test]
    public void Mask_ReportWithPlantedNumbers_NoSevenDigitsOfThemAnywhereInItsJson()
    {
        var report = PlantedReport();
        var plainStream = DigitLeaks.DigitStream(JsonReportWriter.Write(report));

        var masked = ReportMasking.Mask(report, Masker);

        var stream = DigitLeaks.DigitStream(JsonReportWriter.Write(masked));
        Assert.Multiple(() =>
        {
            foreach (var number in new[] { Phone, IdNumber, Card })
            {
                Assert.That(DigitLeaks.Readable(plainStream, number), Is.Not.Empty, $"the unmasked report shows {number}: the check can see it");
                Assert.That(DigitLeaks.Readable(stream, number), Is.Empty, $"pieces of {number} still readable");
            }
        });
    }

    [Test]
    public void Mask_ReportWithPlantedNumbers_OnlySpokenTextChanged()
    {
        var report = PlantedReport();

        var masked = ReportMasking.Mask(report, Masker);

        Assert.Multiple(() =>
        {
            Assert.That(masked, Is.Not.SameAs(report));
            Assert.That(masked.KeywordHits, Is.EqualTo(report.KeywordHits), "keyword phrases are the pack's, not the caller's");
            Assert.That(masked.Violations.Select(v => v.Phrase), Is.EqualTo(report.Violations.Select(v => v.Phrase)));
            Assert.That(masked.Violations.Select(v => v.Evidence.Length), Is.EqualTo(report.Violations.Select(v => v.Evidence.Length)));
            Assert.That(masked.Violations[0].Evidence, Does.Contain(SensitiveNumberMasker.MaskChar));
            Assert.That(masked.Transcript!.Segments.Select(s => s.Text.Length), Is.EqualTo(report.Transcript!.Segments.Select(s => s.Text.Length)));
            Assert.That(masked.Transcript.Events, Is.EqualTo(report.Transcript.Events));
            Assert.That(masked with { Transcript = null, Violations = [] }, Is.EqualTo(report with { Transcript = null, Violations = [] }));
        });
    }

    [Test]
    public void Mask_NothingSensitive_SameReport()
    {
        var report = TranscriptOnly(
            Say(SpeakerRole.Agent, 0, 2, "您好，工号10086为您服务"),
            Say(SpeakerRole.Customer, 2, 5, "我2024年3月5日交了一百二十元")) with
        {
            Violations = [Violation("forbidden.shirking", "agent", 4, 4.6, "不知道", "不知道")],
        };

        Assert.That(ReportMasking.Mask(report, Masker), Is.SameAs(report));
    }

    [Test]
    public void Mask_NoTranscript_EvidenceStillMasked()
    {
        var report = TranscriptOnly() with
        {
            Transcript = null,
            Violations = [Violation("privacy.echo", "agent", 1, 2, $"坐席复述了{Phone}")],
        };

        var masked = ReportMasking.Mask(report, Masker);

        Assert.Multiple(() =>
        {
            Assert.That(masked.Transcript, Is.Null);
            Assert.That(masked.Violations[0].Evidence, Does.Not.Contain(Phone[..7]).And.EndWith(Phone[^4..]));
        });
    }

    [Test]
    public void Mask_TranscriptWithoutNumbers_SameDocument()
    {
        var document = new TranscriptDocument(
            "call-1", null, [Say(SpeakerRole.Agent, 0, 1, "您好")], [new TranscriptEvent(TranscriptEventType.Hangup, SpeakerRole.Customer, 1)]);

        Assert.That(ReportMasking.Mask(document, Masker), Is.SameAs(document));
    }

    [Test]
    public void Mask_Null_Throws()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => ReportMasking.Mask((CallReport)null!, Masker), Throws.ArgumentNullException);
            Assert.That(() => ReportMasking.Mask(TranscriptOnly(), null!), Throws.ArgumentNullException);
        });
    }

    /// <summary>
    /// A call where the customer gives a phone number (Arabic, in the segment text), an ID number (Chinese digits, one
    /// Vosk word each) and a card number (full-width, grouped), and a violation quotes the phone.
    /// </summary>
    private static CallReport PlantedReport()
    {
        var idSpoken = string.Concat(IdNumber[..^1].Select(c => "零一二三四五六七八九"[c - '0'])) + "X";
        var idWords = idSpoken.Select((c, i) => new TranscriptWord(c.ToString(), 10 + (i * 0.3), 10.25 + (i * 0.3), 0.9));
        var cardSpoken = string.Join('　', Card.Chunk(4).Select(g => new string([.. g.Select(c => (char)('０' + (c - '0')))])));
        return TranscriptOnly(
            Say(SpeakerRole.Agent, 0, 3, "您好，请问您的手机号码是多少？"),
            Say(SpeakerRole.Customer, 3, 6, $"我的手机是{Phone[..3]}-{Phone[3..7]}-{Phone[7..]}"),
            new TranscriptSegment(SpeakerRole.Customer, 9, 16, "身份证号" + idSpoken,
                [new TranscriptWord("身份证", 9, 9.5, 0.95), new TranscriptWord("号", 9.5, 9.8, 0.9), .. idWords]),
            Say(SpeakerRole.Customer, 17, 20, $"卡号是{cardSpoken}"),
            Say(SpeakerRole.Agent, 20, 22, "好的，已为您登记，一共一百二十元。")) with
        {
            KeywordHits = [new KeywordHitInfo("agent", 20, 21, "好的", "h ao3 d e5", 0.8, "kws")],
            Violations = [Violation("privacy.echo", "agent", 3, 6, $"坐席复述了客户号码 {Phone}", phrase: "号码")],
        };
    }
}
