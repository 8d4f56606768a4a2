using System.Text.Json;

namespace CallMonitor.Cli.Tests.Analyze;

/// <summary>The real CLI with speech engines and supplied transcripts, on the bundled sample call.</summary>
public class EnginesAndTranscriptTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Analyze_TranscriptWithoutAudio_ReportCarriesTheTranscriptBackInItsOwnShape(CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "analyze", "--transcript", Samples.Transcript);
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);

        using var report = JsonDocument.Parse(result.Stdout);
        using var original = JsonDocument.Parse(await File.ReadAllTextAsync(Samples.Transcript, token));
        var root = report.RootElement;
        var transcript = root.GetProperty("transcript");
        var segments = transcript.GetProperty("segments").EnumerateArray().ToArray();
        var originalSegments = original.RootElement.GetProperty("segments").EnumerateArray().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("transcriptSource").GetString(), Is.EqualTo("transcript"));
            Assert.That(root.GetProperty("metrics").ValueKind, Is.EqualTo(JsonValueKind.Null), "no audio, no acoustic metrics");
            Assert.That(segments.Select(s => s.GetProperty("text").GetString()), Is.EqualTo(originalSegments.Select(s => s.GetProperty("text").GetString())));
            Assert.That(segments.Select(s => s.GetProperty("speaker").GetString()), Is.EqualTo(originalSegments.Select(s => s.GetProperty("speaker").GetString())));
            Assert.That(transcript.GetProperty("events")[0].GetProperty("by").GetString(), Is.EqualTo("customer"));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Analyze_ReportFedBackAsTranscript_SameSegments(CancellationToken token)
    {
        var first = await CliProcess.RunAsync(token, "analyze", "--transcript", Samples.Transcript);
        Assert.That(first.ExitCode, Is.Zero, first.Stderr);
        var reportPath = Path.Combine(Path.GetTempPath(), $"callmonitor-report-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(reportPath, ExtractTranscript(first.Stdout), token);
            var second = await CliProcess.RunAsync(token, "analyze", "--transcript", reportPath);
            Assert.That(second.ExitCode, Is.Zero, second.Stderr);
            Assert.That(ExtractTranscript(second.Stdout), Is.EqualTo(ExtractTranscript(first.Stdout)));
        }
        finally
        {
            File.Delete(reportPath);
        }
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Analyze_AudioAndTranscript_AcousticsFromTheAudioTextFromTheTranscriptNoRecognizer(CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "analyze", Samples.Wav, "--transcript", Samples.Transcript);
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);

        using var report = JsonDocument.Parse(result.Stdout);
        var root = report.RootElement;
        var engines = root.GetProperty("engines").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(engines, Is.EqualTo(new[] { "vad" }), "auto with a transcript runs no recognizer");
            Assert.That(root.GetProperty("metrics").GetProperty("silences").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(root.GetProperty("transcript").GetProperty("segments").GetArrayLength(), Is.EqualTo(8));
        });
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Analyze_VoskAskedForButModelMissing_ReportedUnavailableAndKwsStillRuns(CancellationToken token)
    {
        var result = await CliProcess.RunWithEnvironmentAsync(
            new Dictionary<string, string?> { ["CALLMONITOR_VOSK_MODEL"] = "/nonexistent/vosk-model" }, token, "analyze", Samples.Wav, "--engines", "vosk,kws");
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);

        using var report = JsonDocument.Parse(result.Stdout);
        var engines = report.RootElement.GetProperty("engines").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => (Status: e.GetProperty("status").GetString(), Detail: e.GetProperty("detail").GetString()));
        if (engines["kws"].Status == "unavailable")
        {
            Assert.Ignore($"keyword spotter not installed here: {engines["kws"].Detail}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(engines["vosk"].Status, Is.EqualTo("unavailable"));
            Assert.That(engines["vosk"].Detail, Does.Contain("/nonexistent/vosk-model"));
            Assert.That(engines["kws"].Status, Is.EqualTo("ok"));
            Assert.That(engines["vad"].Status, Is.EqualTo("ok").Or.EqualTo("fallback"));
            Assert.That(result.Stderr, Does.Contain("vosk unavailable"));
        });
    }

    [TestCase("vosk,foo", "'foo' is not an engine")]
    [TestCase("auto,kws", "stand alone")]
    [TestCase(",", "empty")]
    [CancelAfter(60_000)]
    public async Task Analyze_BadEngineList_UsageErrorNamingTheProblem(string engines, string expected, CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "analyze", Samples.Wav, "--engines", engines);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain(expected));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Analyze_NeitherAudioNorTranscript_UsageError(CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "analyze");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain("--transcript"));
        });
    }

    private static string ExtractTranscript(string reportJson)
    {
        using var report = JsonDocument.Parse(reportJson);
        return report.RootElement.GetProperty("transcript").GetRawText();
    }
}
