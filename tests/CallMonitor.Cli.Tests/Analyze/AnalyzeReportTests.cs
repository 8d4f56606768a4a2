using System.Text.Json;

namespace CallMonitor.Cli.Tests.Analyze;

/// <summary>The real CLI on the bundled sample call (stereo 8 kHz mu-law, times planted by samples/make-demo-call.sh).</summary>
public class AnalyzeReportTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Analyze_SampleCallAsJson_ReportsPlantedHoldAndOverlap(CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "analyze", Samples.Wav, "--engines", "none", "--format", "json");
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var metrics = root.GetProperty("metrics");
        var silences = metrics.GetProperty("silences").EnumerateArray().ToArray();
        var overlaps = metrics.GetProperty("overlaps").EnumerateArray().ToArray();

        // Planted in make-demo-call.sh: hold from 16.02 s to 26.52 s; the customer starts at 32.77 s while the agent
        // speaks until 33.97 s.
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("durationSec").GetDouble(), Is.EqualTo(54.04).Within(0.01));
            Assert.That(root.GetProperty("channels").GetString(), Is.EqualTo("agent,customer"));
            var hold = silences.Single(s => s.GetProperty("durationSec").GetDouble() > 8);
            Assert.That(hold.GetProperty("start").GetDouble(), Is.EqualTo(16.02).Within(0.3));
            Assert.That(hold.GetProperty("end").GetDouble(), Is.EqualTo(26.52).Within(0.3));
            var overlap = overlaps.Single();
            Assert.That(overlap.GetProperty("by").GetString(), Is.EqualTo("customer"));
            Assert.That(overlap.GetProperty("start").GetDouble(), Is.EqualTo(32.77).Within(0.3));
            Assert.That(overlap.GetProperty("end").GetDouble(), Is.EqualTo(33.97).Within(0.3));
            var roles = metrics.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("speaker").GetString()).ToArray();
            Assert.That(roles, Is.EqualTo(new[] { "agent", "customer" }));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Analyze_SampleCallAsText_ReadableSummary(CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "analyze", Samples.Wav, "--engines", "none", "--format", "text");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.Stderr);
            Assert.That(result.Stdout, Does.Contain("Silences"));
            Assert.That(result.Stdout, Does.Contain("customer started while agent was speaking"));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Analyze_SwappedChannels_RolesFollowTheLayout(CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "analyze", Samples.Wav, "--engines", "none", "--channels", "customer,agent");
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);

        using var json = JsonDocument.Parse(result.Stdout);
        var overlap = json.RootElement.GetProperty("metrics").GetProperty("overlaps").EnumerateArray().Single();
        Assert.That(overlap.GetProperty("by").GetString(), Is.EqualTo("agent"), "the left channel now counts as the customer");
    }
}
