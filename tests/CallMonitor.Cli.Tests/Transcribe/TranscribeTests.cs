namespace CallMonitor.Cli.Tests.Transcribe;

/// <summary><c>transcribe</c> needs Vosk; without its model it must say so and how to install it.</summary>
public class TranscribeTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Transcribe_VoskModelMissing_EngineErrorWithTheInstallCommand(CancellationToken token)
    {
        var result = await CliProcess.RunWithEnvironmentAsync(
            new Dictionary<string, string?> { ["CALLMONITOR_VOSK_MODEL"] = "/nonexistent/vosk-model" }, token, "transcribe", Samples.Wav);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(4));
            Assert.That(result.Stderr, Does.Contain("/nonexistent/vosk-model").And.Contain("models install vosk-model-small-cn-0.22"));
            Assert.That(result.Stdout, Is.Empty);
        });
    }

    [Test]
    [Category("RequiresModel")]
    [CancelAfter(300_000)]
    public async Task Transcribe_WithVoskModel_TimedLinesForBothSpeakers(CancellationToken token)
    {
        var model = Environment.GetEnvironmentVariable("CALLMONITOR_VOSK_MODEL");
        if (string.IsNullOrEmpty(model) || !Directory.Exists(model))
        {
            Assert.Ignore("RequiresModel: set CALLMONITOR_VOSK_MODEL to an unpacked Vosk Chinese model (vosk-model-small-cn-0.22) to run this test");
        }

        var result = await CliProcess.RunAsync(token, "transcribe", Samples.Wav, "--format", "json");
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Does.Contain("\"speaker\": \"agent\"").And.Contain("\"speaker\": \"customer\""));
    }
}
