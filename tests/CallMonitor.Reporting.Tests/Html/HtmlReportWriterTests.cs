using System.Xml.Linq;
using CallMonitor.Compliance.Rules;
using CallMonitor.Compliance.Scoring;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Reporting.Html;
using static CallMonitor.Reporting.Tests.Html.XhtmlPage;
using static CallMonitor.Reporting.Tests.Reports;

namespace CallMonitor.Reporting.Tests.Html;

public sealed class HtmlReportWriterTests
{
    private static readonly CallMonitor.Reporting.Reports.CallReport Call = TranscriptOnly(
        Say(SpeakerRole.Agent, 0.5, 3, "您好，很高兴为您服务"),
        Say(SpeakerRole.Customer, 3.5, 6, "我的快递到哪了？"),
        Say(SpeakerRole.Agent, 6.5, 9, "这个我不知道，你自己看着办吧"),
        Say(SpeakerRole.Customer, 20, 22, "我要投诉你们")) with
    {
        RulePack = new("callmonitor.default", "1.0.0", []),
        Violations =
        [
            Violation("forbidden.shirking", "agent", 7.0, 7.6, "不知道", "不知道"),
            Violation("forbidden.confrontation", "agent", 7.8, 9, "你自己看着办吧", "你自己看着办吧", severity: "critical"),
            Violation("hold.dead_air", "conversation", 9, 20, "11.0 s of silence", type: "long_silence", severity: "minor"),
            Violation("escalation.complaint", "customer", 20.5, 21, "投诉", "投诉", type: "escalation_cue", severity: "info"),
        ],
    };

    [Test]
    public void Write_FullReport_IsWellFormedWithEveryMainSection()
    {
        var html = HtmlReportWriter.Write(Call with { Score = ScoreOf(Call) });

        var page = Parse(html);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(page.Root!.Name, Is.EqualTo(Xhtml + "html"));
            Assert.That(page.Descendants(Xhtml + "meta").Select(m => (string?)m.Attribute("charset")), Does.Contain("utf-8"));
            foreach (var id in new[] { "score", "timeline", "violations", "transcript", "engines" })
            {
                Assert.That(page.ById(id), Is.Not.Null, id);
            }
        });
    }

    [Test]
    public void Write_Page_HasNoScriptsNorExternalAssets()
    {
        var page = Parse(HtmlReportWriter.Write(Call with { Score = ScoreOf(Call) }));

        Assert.Multiple(() =>
        {
            Assert.That(page.Descendants().Select(e => e.Name.LocalName), Has.None.AnyOf("script", "link", "img", "iframe", "object"));
            Assert.That(page.Descendants().Attributes().Select(a => a.Name.LocalName), Has.None.AnyOf("src", "href"));
            Assert.That(page.Descendants(Xhtml + "style").Single().Value, Does.Not.Contain("url(").And.Not.Contain("@import"));
        });
    }

    [Test]
    public void Write_Violations_EachInTheTableAndOnTheTimeline()
    {
        var page = Parse(HtmlReportWriter.Write(Call));

        var rows = page.ById("violations")!.Descendants(Xhtml + "tbody").Single().Elements(Xhtml + "tr").ToList();
        var markers = page.ById("timeline")!.Descendants(Svg + "g").Where(g => g.HasClass("marker")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(Call.Violations.Count));
            Assert.That(markers, Has.Count.EqualTo(Call.Violations.Count));
            foreach (var v in Call.Violations)
            {
                Assert.That(rows.Count(r => r.Value.Contains(v.RuleId, StringComparison.Ordinal) && r.Value.Contains(v.Evidence, StringComparison.Ordinal)), Is.EqualTo(1), v.RuleId);
                Assert.That(markers.Count(m => m.Element(Svg + "title")!.Value.Contains(v.RuleId, StringComparison.Ordinal)), Is.EqualTo(1), v.RuleId);
            }
        });
    }

    [Test]
    public void Write_ViolationsTable_InTimeOrderWithSeverityColours()
    {
        var shuffled = Call with { Violations = [.. Call.Violations.Reverse()] };

        var rows = Parse(HtmlReportWriter.Write(shuffled)).ById("violations")!.Descendants(Xhtml + "tbody").Single().Elements(Xhtml + "tr").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows[0].Value, Does.Contain("forbidden.shirking"));
            Assert.That(rows[^1].Value, Does.Contain("escalation.complaint"));
            Assert.That(rows[1].Descendants().Any(e => e.HasClass("sev-critical")), Is.True);
        });
    }

    [Test]
    public void Write_HostileText_EscapedNotInterpreted()
    {
        const string hostile = "<script>alert('x')</script> & \"quoted\" <b>bold</b>";
        var report = TranscriptOnly(Say(SpeakerRole.Agent, 0, 2, hostile)) with
        {
            Violations = [Violation("<img src=x>", "agent", 0, 2, hostile, "<script>")],
            Engines = [new("vosk", "<iframe>", "failed", "</section><script>")],
        };

        var html = HtmlReportWriter.Write(report);

        var page = Parse(html);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script").IgnoreCase);
            Assert.That(html, Does.Not.Contain("<img").And.Not.Contain("<iframe").And.Not.Contain("<b>"));
            Assert.That(page.Descendants().Select(e => e.Name.LocalName), Has.None.AnyOf("script", "img", "iframe", "b"));
            Assert.That(page.ById("transcript")!.Value, Does.Contain(hostile), "shown as text");
            Assert.That(page.ById("violations")!.Value, Does.Contain(hostile));
        });
    }

    [Test]
    public void Write_PhraseHit_MarkedOnlyInTheUtteranceOfItsSpeakerAndTime()
    {
        var report = TranscriptOnly(
            Say(SpeakerRole.Agent, 0, 2, "不知道您贵姓"),
            Say(SpeakerRole.Customer, 2.5, 4, "我也不知道"),
            Say(SpeakerRole.Agent, 5, 7, "这个我不知道")) with
        {
            Violations = [Violation("forbidden.shirking", "agent", 6, 6.6, "不知道", "不知道")],
        };

        var utterances = Parse(HtmlReportWriter.Write(report)).ById("transcript")!.Descendants(Xhtml + "div").Where(d => d.HasClass("utt")).ToList();

        var marks = utterances.Select(u => u.Descendants(Xhtml + "mark").Select(m => m.Value).ToList()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(marks[0], Is.Empty, "same words, same speaker, other time");
            Assert.That(marks[1], Is.Empty, "same words and time window, other speaker");
            Assert.That(marks[2], Is.EqualTo(new[] { "不知道" }));
            Assert.That(utterances[2].Value, Does.EndWith("这个我不知道"), "the rest of the text is kept around the mark");
            Assert.That(utterances[2].Descendants(Xhtml + "mark").Single().Attribute("title")!.Value, Does.Contain("forbidden.shirking"));
        });
    }

    [Test]
    public void Write_OverlappingHitsInOneUtterance_OneMergedMark()
    {
        var report = TranscriptOnly(Say(SpeakerRole.Agent, 0, 3, "你自己看着办吧")) with
        {
            Violations =
            [
                Violation("forbidden.a", "agent", 0.5, 2, "你自己看着办", "你自己看着办"),
                Violation("forbidden.b", "agent", 1, 2.5, "看着办吧", "看着办吧"),
            ],
        };

        var mark = Parse(HtmlReportWriter.Write(report)).ById("transcript")!.Descendants(Xhtml + "mark").Single();

        Assert.Multiple(() =>
        {
            Assert.That(mark.Value, Is.EqualTo("你自己看着办吧"));
            Assert.That(mark.Attribute("title")!.Value, Does.Contain("forbidden.a").And.Contain("forbidden.b"));
        });
    }

    [Test]
    public void Write_ScoreNull_NoScoreSection()
    {
        var html = HtmlReportWriter.Write(Call);

        var page = Parse(html);
        Assert.Multiple(() =>
        {
            Assert.That(page.ById("score"), Is.Null);
            Assert.That(page.Descendants().Where(e => e.HasClass("score-big")), Is.Empty);
            Assert.That(page.ById("violations"), Is.Not.Null);
        });
    }

    [Test]
    public void Write_WithScore_BigTotalAndManualItemsMarked()
    {
        var score = ScoreOf(Call);
        var page = Parse(HtmlReportWriter.Write(Call with { Score = score }));

        var big = page.Descendants().Single(e => e.HasClass("score-big")).Descendants().Single(e => e.HasClass("value")).Value;
        var manualRows = page.ById("score")!.Descendants(Xhtml + "tr").Where(r => r.HasClass("manual")).ToList();
        var expectedManual = RulePack.Default.Scoring!.Items.Where(i => !i.Automated).Select(i => i.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(double.Parse(big, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(score.Total));
            Assert.That(score.Total, Is.LessThan(score.Max), "the sample call loses points");
            Assert.That(manualRows.Select(r => r.Elements(Xhtml + "td").First().Nodes().OfType<XText>().First().Value.Trim()),
                Is.EqualTo(expectedManual));
            Assert.That(manualRows.Select(r => r.Value), Has.All.Contain("not judged automatically"));
        });
    }

    [Test]
    public void Write_TranscriptOnlyReport_TimelineRowsFromUtterancesAndGapsAsSilence()
    {
        var page = Parse(HtmlReportWriter.Write(Call));

        var rects = page.ById("timeline")!.Descendants(Svg + "rect").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Call.Metrics, Is.Null);
            Assert.That(rects.Count(r => r.HasClass("agent")), Is.EqualTo(Call.Transcript!.Segments.Count(s => s.Speaker == SpeakerRole.Agent)));
            Assert.That(rects.Count(r => r.HasClass("customer")), Is.EqualTo(Call.Transcript!.Segments.Count(s => s.Speaker == SpeakerRole.Customer)));
            Assert.That(rects.Count(r => r.HasClass("silence")), Is.EqualTo(1), "the 9 s - 20 s gap");
        });
    }

    [Test]
    public void Write_WithAcousticMetrics_TimelineUsesSpeechSegmentsAndSilences()
    {
        var metrics = Metrics(
            [SpeechAt("agent", 0, 2), SpeechAt("agent", 2.5, 4), SpeechAt("customer", 4.2, 6), SpeechAt("agent", 15, 17)],
            [new(6, 15, 9, "customer", "agent")]);
        var report = Call with { Metrics = metrics };

        var rects = Parse(HtmlReportWriter.Write(report)).ById("timeline")!.Descendants(Svg + "rect").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rects.Count(r => r.HasClass("agent")), Is.EqualTo(3));
            Assert.That(rects.Count(r => r.HasClass("customer")), Is.EqualTo(1));
            Assert.That(rects.Count(r => r.HasClass("silence")), Is.EqualTo(1));
        });
    }

    [Test]
    public void Write_LaterOnTheTimeline_FurtherRight()
    {
        var rects = Parse(HtmlReportWriter.Write(Call)).ById("timeline")!.Descendants(Svg + "rect").Where(r => r.HasClass("agent")).ToList();

        var xs = rects.Select(r => double.Parse((string)r.Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(xs, Is.Ordered.Ascending.And.Unique);
    }

    [Test]
    public void Write_ChineseText_KeptAsCharacters()
    {
        var html = HtmlReportWriter.Write(Call);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("您好，很高兴为您服务"));
            Assert.That(html, Does.Not.Contain("&#"), "no numeric entities for Chinese text");
        });
    }

    [Test]
    public void Write_Null_Throws()
    {
        Assert.That(() => HtmlReportWriter.Write(null!), Throws.ArgumentNullException);
    }

    private static CallScore ScoreOf(CallMonitor.Reporting.Reports.CallReport report) =>
        CallScorer.Score(RulePack.Default.Scoring!, report.Violations.Select(v => new ViolationDetected(
            report.CallId,
            SpeakerRoles.TryParse(v.Speaker, out var role) ? role : SpeakerRole.Conversation,
            AudioInterval.FromSeconds(v.Start, v.End),
            v.RuleId,
            v.Type,
            v.Severity,
            v.Phrase,
            v.Evidence,
            v.Sources,
            v.Confidence,
            "callmonitor.default",
            "1.0.0",
            ViolationState.Confirmed,
            v.Id)));
}
