using System.Diagnostics;

namespace CallMonitor.Cli.Tests.Container;

/// <summary>
/// docker/entrypoint.sh run for real with a stand-in `dotnet` on PATH that records each call: the image's default
/// command installs the models and then execs `serve`, and other commands pass through unchanged.
/// </summary>
[TestFixture]
public sealed class EntrypointScriptTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFakeDotnet()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Ignore("docker/entrypoint.sh is a POSIX shell script");
            return;
        }

        _dir = Directory.CreateTempSubdirectory("cm-entrypoint-").FullName;
        var fake = Path.Combine(_dir, "dotnet");
        File.WriteAllText(fake, "#!/bin/sh\nfor a in \"$@\"; do printf '%s|' \"$a\"; done >> \"$FAKE_LOG\"\necho >> \"$FAKE_LOG\"\n"
            + "if [ \"$2\" = models ]; then exit \"${FAKE_MODELS_EXIT:-0}\"; fi\nexit 0\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [TearDown]
    public void Remove()
    {
        if (_dir is not null && Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Run_DefaultCommand_InstallsModelsThenExecsServe(CancellationToken ct)
    {
        var cmd = Effective("CMD");
        var (exit, calls, _) = await RunAsync(cmd, new Dictionary<string, string>(), ct);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(calls, Is.EqualTo(new[] { "/app/callmonitor.dll|models|install|", "/app/callmonitor.dll|" + string.Join('|', cmd) + "|" }));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Run_ModelInstallFails_StillServesAndWarns(CancellationToken ct)
    {
        var (exit, calls, stderr) = await RunAsync(["serve"], new Dictionary<string, string> { ["FAKE_MODELS_EXIT"] = "4" }, ct);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(calls, Has.Count.EqualTo(2));
            Assert.That(calls[^1], Is.EqualTo("/app/callmonitor.dll|serve|"));
            Assert.That(stderr, Does.Contain("warning"));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Run_NamedModels_PassedToInstall(CancellationToken ct)
    {
        var env = new Dictionary<string, string> { ["CALLMONITOR_MODELS"] = "silero-vad-v5 vosk-model-small-cn-0.22" };
        var (_, calls, _) = await RunAsync(["analyze", "/calls/a.wav"], env, ct);
        Assert.That(calls[0], Is.EqualTo("/app/callmonitor.dll|models|install|silero-vad-v5|vosk-model-small-cn-0.22|"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Run_CommandWithoutModelsOrSkip_ArgumentsPassedThroughUnchanged(CancellationToken ct)
    {
        var rules = await RunAsync(["rules", "validate", "/packs/my pack.yaml"], new Dictionary<string, string>(), ct);
        var skipped = await RunAsync(["serve"], new Dictionary<string, string> { ["CALLMONITOR_MODELS_AT_START"] = "skip" }, ct);
        var wrong = await RunAsync(["serve"], new Dictionary<string, string> { ["CALLMONITOR_MODELS_AT_START"] = "maybe" }, ct);
        Assert.Multiple(() =>
        {
            Assert.That(rules.Calls, Is.EqualTo(new[] { "/app/callmonitor.dll|rules|validate|/packs/my pack.yaml|" }));
            Assert.That(skipped.Calls, Is.EqualTo(new[] { "/app/callmonitor.dll|serve|" }));
            Assert.That(wrong.Exit, Is.EqualTo(2));
            Assert.That(wrong.Calls, Is.Empty);
        });
    }

    [Test]
    public void Dockerfile_Entrypoint_IsThisScriptInstalledExecutable()
    {
        var file = RepositoryFiles.Dockerfile();
        var entrypoint = DockerfileFacts.Effective(file, "ENTRYPOINT").ExecForm;
        var build = string.Join("\n", DockerfileFacts.InStage(file, 0, "RUN").Select(i => i.Arguments));
        Assert.Multiple(() =>
        {
            Assert.That(entrypoint, Is.EqualTo(new[] { "/app/entrypoint.sh" }));
            Assert.That(build, Does.Contain("install -m 0755 docker/entrypoint.sh /app/entrypoint.sh"));
            Assert.That(build, Does.Contain("-o /app"), "the CLI is published to /app, where the script runs /app/callmonitor.dll");
        });
    }

    private static string[] Effective(string keyword) =>
        [.. DockerfileFacts.Effective(RepositoryFiles.Dockerfile(), keyword).ExecForm!];

    private async Task<(int Exit, List<string> Calls, string Stderr)> RunAsync(string[] args, Dictionary<string, string> env, CancellationToken ct)
    {
        var log = Path.Combine(_dir, $"calls-{Guid.NewGuid():N}.log");
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(RepositoryFiles.PathOf("docker/entrypoint.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = _dir + ":/usr/bin:/bin";
        start.Environment["FAKE_LOG"] = log;
        start.Environment.Remove("CALLMONITOR_MODELS");
        start.Environment.Remove("CALLMONITOR_MODELS_AT_START");
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var calls = File.Exists(log) ? File.ReadAllLines(log).Where(l => l.Length > 0).ToList() : [];
        return (process.ExitCode, calls, await stderr);
    }
}
