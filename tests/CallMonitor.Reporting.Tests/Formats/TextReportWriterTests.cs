using CallMonitor.Compliance.Rules;
using CallMonitor.Compliance.Scoring;
using CallMonitor.Domain.Calls;
using CallMonitor.Reporting.Formats;
using static CallMonitor.Reporting.Tests.Reports;

namespace CallMonitor.Reporting.Tests.Formats;

public sealed class TextReportWriterTests
{
    private static readonly CallMonitor.Reporting.Reports.CallReport Call = TranscriptOnly(
        Say(SpeakerRole.Agent, 0, 2, "您好"),
        Say(SpeakerRole.Agent, 3, 5, "这个我不知道")) with
    {
        RulePack = new("callmonitor.default", "1.0.0", []),
        Violations = [Violation("forbidden.shirking", "agent", 4, 4.6, "不知道", "不知道")],
    };

    [Test]
    public void Write_WithViolations_ListsEachWithRuleTimeAndEvidence()
    {
        var text = TextReportWriter.Write(Call);

        var line = text.Split('\n').Single(l => l.Contains("forbidden.shirking", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Violations: 1 (rule pack callmonitor.default 1.0.0)"));
            Assert.That(line, Does.Contain("0:04.0").And.Contain("agent").And.Contain("forbidden_phrase").And.Contain("不知道"));
        });
    }

    [Test]
    public void Write_WithScore_ShowsTotalSectionsAndManualItems()
    {
        var form = RulePack.Default.Scoring!;
        var score = CallScorer.Score(form, []);

        var text = TextReportWriter.Write(Call with { Score = score });

        var manual = form.Items.Where(i => !i.Automated).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain($"Score: {form.Total} / {form.Total}"));
            foreach (var section in form.Sections)
            {
                Assert.That(text, Does.Contain(section.Name));
            }

            Assert.That(text.Split('\n').Count(l => l.Contains("(not judged automatically)", StringComparison.Ordinal)), Is.EqualTo(manual.Count));
        });
    }

    [Test]
    public void Write_NoScoreNoPack_NoScoreOrViolationsSection()
    {
        var text = TextReportWriter.Write(Call with { Score = null, RulePack = null, Violations = [] });

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("Score:"));
            Assert.That(text, Does.Not.Contain("Violations:"));
            Assert.That(text, Does.Contain("这个我不知道"), "the transcript is still there");
        });
    }
}
