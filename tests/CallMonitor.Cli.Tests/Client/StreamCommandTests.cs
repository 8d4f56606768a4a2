using System.Text.Json;

namespace CallMonitor.Cli.Tests.Client;

/// <summary><c>callmonitor stream</c> end to end: the real CLI streaming the sample call to the real <c>serve</c> process.</summary>
[Category("Integration")]
public class StreamCommandTests
{
    [Test]
    [CancelAfter(300_000)]
    public async Task Stream_SampleCall_SameViolationsAsAnalyzeEachWithAudioTimeAndLatencyThenTheReport(CancellationToken token)
    {
        var analyzed = await CliProcess.RunAsync(token, "analyze", Samples.Wav, "--engines", "kws", "--format", "json");
        Assert.That(analyzed.ExitCode, Is.Zero, analyzed.Stderr);
        using var report = JsonDocument.Parse(analyzed.Stdout);
        var kws = report.RootElement.GetProperty("engines").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "kws");
        if (kws.GetProperty("status").GetString() != "ok")
        {
            Assert.Ignore($"RequiresModel: the keyword spotter is not installed here ({kws.GetProperty("detail")})");
        }

        var expected = report.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("ruleId").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.That(expected, Is.Not.Empty, "the sample call has violations to compare");

        await using var server = await ServeProcess.StartAsync(token, "--engines", "kws");
        var streamed = await CliProcess.RunAsync(token, "stream", Samples.Wav, "--server", server.Address.ToString(), "--agent", "a7", "--team", "north");
        Assert.That(streamed.ExitCode, Is.Zero, $"{streamed.Stderr}\nserver:\n{server.Log}");

        var lines = streamed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var updates = lines.Where(l => l.GetProperty("kind").GetString() == "violation").ToList();
        var found = updates
            .GroupBy(v => v.GetProperty("violationId").GetString())
            .Select(g => g.Last())
            .Where(v => v.GetProperty("state").GetString() != "retracted")
            .Select(v => v.GetProperty("ruleId").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var summary = lines[^1];
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.EqualTo(expected), "violations by rule id, streamed vs analyzed");
            foreach (var update in updates)
            {
                Assert.That(update.GetProperty("audioTime").GetDouble(), Is.GreaterThanOrEqualTo(0));
                Assert.That(update.GetProperty("audioTime").GetDouble(), Is.EqualTo(update.GetProperty("end").GetDouble()), "an alert refers to the end of its violation");
                Assert.That(update.GetProperty("latencyMs").GetDouble(), Is.GreaterThanOrEqualTo(0));
                Assert.That(update.GetProperty("packVersion").GetString(), Is.Not.Empty);
            }

            Assert.That(lines.Where(l => l.GetProperty("kind").GetString() == "transcript"), Is.Empty, "no transcript lines without --transcript");
            Assert.That(summary.GetProperty("kind").GetString(), Is.EqualTo("report"));
            Assert.That(summary.GetProperty("reportReady").GetBoolean(), Is.True);
            Assert.That(summary.GetProperty("violations").GetInt32(), Is.EqualTo(expected.Length));
            Assert.That(summary.GetProperty("score").GetDouble(), Is.EqualTo(report.RootElement.GetProperty("score").GetProperty("total").GetDouble()));
            Assert.That(summary.GetProperty("audioSec").GetDouble(), Is.EqualTo(report.RootElement.GetProperty("durationSec").GetDouble()).Within(0.01));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Stream_NoServerListening_UnavailableOnStderrAndItsExitCode(CancellationToken token)
    {
        var port = LoopbackGrpcHost.FreePort();

        var result = await CliProcess.RunAsync(token, "stream", Samples.Wav, "--server", $"http://127.0.0.1:{port}");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(6));
            Assert.That(result.Stderr, Does.Contain("error: Unavailable: "));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Stream_ServerWithoutCallAnalysis_UnimplementedIsAServerError(CancellationToken token)
    {
        await using var host = await LoopbackGrpcHost.StartAsync(new SupervisionDouble(1, []), token);

        var result = await CliProcess.RunAsync(token, "stream", Samples.Wav, "--server", host.Address.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(7));
            Assert.That(result.Stderr, Does.Contain("error: Unimplemented: "));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Stream_ServerIsNotAnAddress_UsageError(CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "stream", Samples.Wav, "--server", "ftp://example");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain("--server"));
        });
    }
}
