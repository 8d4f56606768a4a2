using System.Text.Json;
using System.Xml.Linq;

namespace CallMonitor.Cli.Tests.Analyze;

/// <summary>The compliance part of the report: violations, score and rule pack, in JSON and HTML.</summary>
public class ComplianceReportTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Analyze_SampleTranscript_ViolationsWithTheReportFieldsAndAScore(CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "analyze", "--transcript", Samples.Transcript);
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);

        using var report = JsonDocument.Parse(result.Stdout);
        var root = report.RootElement;
        var violations = root.GetProperty("violations").EnumerateArray().ToArray();
        var shirking = violations.Single(v => v.GetProperty("phrase").GetString() == "不清楚");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("rulePack").GetProperty("id").GetString(), Is.EqualTo("callmonitor.default"));
            foreach (var field in new[] { "ruleId", "type", "severity", "speaker", "start", "end", "phrase", "evidence", "source", "confidence" })
            {
                Assert.That(shirking.TryGetProperty(field, out _), Is.True, field);
            }

            // The sample transcript has 不清楚 at 36.5-39.3 s (agent) and 投诉 from the customer at 39.9-42.5 s.
            Assert.That(shirking.GetProperty("type").GetString(), Is.EqualTo("forbidden_phrase"));
            Assert.That(shirking.GetProperty("speaker").GetString(), Is.EqualTo("agent"));
            Assert.That(shirking.GetProperty("start").GetDouble(), Is.InRange(36.5, 39.3));
            Assert.That(violations.Any(v => v.GetProperty("type").GetString() == "escalation_cue" && v.GetProperty("speaker").GetString() == "customer"), Is.True);
            var score = root.GetProperty("score");
            Assert.That(score.GetProperty("total").GetDouble(), Is.LessThan(score.GetProperty("max").GetDouble()), "a forbidden phrase costs points");
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Analyze_HtmlFormat_SelfContainedPageWithTheViolations(CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "analyze", Samples.Wav, "--transcript", Samples.Transcript, "--format", "html");
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);

        var page = XDocument.Parse(result.Stdout.Replace("<!DOCTYPE html>", string.Empty, StringComparison.OrdinalIgnoreCase));
        var text = page.Root!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("不清楚").And.Contain("forbidden_phrase"));
            Assert.That(page.Descendants().Any(e => e.Name.LocalName == "mark"), Is.True, "hit phrases highlighted in the transcript");
            Assert.That(page.Descendants().Any(e => e.Name.LocalName == "script"), Is.False);
        });
    }
}
