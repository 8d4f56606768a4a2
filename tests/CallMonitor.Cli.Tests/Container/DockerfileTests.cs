using System.Text.Json;
using static CallMonitor.Cli.Tests.Container.DockerfileFacts;

namespace CallMonitor.Cli.Tests.Container;

/// <summary>
/// The Dockerfile checked without a Docker engine: stages and base images, that what it copies from the build
/// context is there (and not dropped by .dockerignore), the non-root user, and that its default command is the
/// README's `serve` line on the exposed port, with a gRPC health check.
/// </summary>
[TestFixture]
public sealed class DockerfileTests
{
    private IReadOnlyList<DockerInstruction> _file = null!;
    private DockerIgnore _ignore = null!;

    [SetUp]
    public void Load()
    {
        _file = RepositoryFiles.Dockerfile();
        _ignore = RepositoryFiles.DockerIgnore();
    }

    [Test]
    public void Stages_BuildAndRuntime_SdkThenAspNetCore()
    {
        var froms = _file.Where(i => i.Keyword == "FROM").ToList();
        var aliases = froms.Select(f => f.Arguments.Split(' ')).Where(p => p.Length == 3).Select(p => p[2]).ToList();
        var copyFrom = _file.Where(i => i.Keyword == "COPY").Select(i => i.SplitFlags().Flags.GetValueOrDefault("--from")).OfType<string>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(froms, Has.Count.GreaterThanOrEqualTo(2), "multi-stage: a build stage and a runtime stage");
            Assert.That(froms[0].Arguments, Does.StartWith("mcr.microsoft.com/dotnet/sdk:10.0 "), "the build stage uses the .NET 10 SDK");
            Assert.That(froms[^1].Arguments.Split(' ')[0], Is.EqualTo("mcr.microsoft.com/dotnet/aspnet:10.0"), "the server needs ASP.NET Core at run time");
            Assert.That(copyFrom, Is.Not.Empty, "the runtime stage copies the build output");
            Assert.That(copyFrom, Is.SubsetOf(aliases), "COPY --from names a stage of this file");
        });
    }

    [Test]
    public void Copy_FromBuildContext_SourcesExistAndAreNotIgnored()
    {
        var sources = _file.Where(i => i.Keyword is "COPY" or "ADD" && !i.SplitFlags().Flags.ContainsKey("--from"))
            .SelectMany(i => i.SplitFlags().Remainder.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToList();
        Assert.That(sources, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var source in sources)
            {
                var path = RepositoryFiles.PathOf(source);
                Assert.That(File.Exists(path) || Directory.Exists(path), Is.True, $"COPY source {source} is not in the repository");
                Assert.That(source == "." || !_ignore.IsIgnored(source), Is.True, $"COPY source {source} is excluded by .dockerignore");
            }
        });
    }

    [Test]
    public void BuildRun_RepositoryPaths_ExistAreInContextAndScriptsExecutable()
    {
        var topLevel = Directory.EnumerateFileSystemEntries(RepositoryFiles.Root).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var paths = InStage(_file, 0, "RUN")
            .SelectMany(i => i.Arguments.Split([' ', ';', '"', '\''], StringSplitOptions.RemoveEmptyEntries))
            .Where(t => t.Contains('/', StringComparison.Ordinal) && !t.StartsWith('/') && !t.Contains('$', StringComparison.Ordinal))
            .Where(t => topLevel.Contains(t.Split('/')[0]))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.That(paths, Does.Contain("scripts/install-native.sh"), "the build stage installs the native engine libraries");
        Assert.Multiple(() =>
        {
            foreach (var path in paths)
            {
                Assert.That(File.Exists(RepositoryFiles.PathOf(path)), Is.True, $"the build stage uses {path}, which is not in the repository");
                Assert.That(_ignore.IsIgnored(path), Is.False, $"the build stage uses {path}, which .dockerignore leaves out of the context");
                if (path.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
                {
                    var mode = File.GetUnixFileMode(RepositoryFiles.PathOf(path));
                    Assert.That(mode & UnixFileMode.UserExecute, Is.EqualTo(UnixFileMode.UserExecute), $"{path} is not executable");
                }
            }
        });
    }

    [Test]
    public void BuildRun_NativeLibraries_InstalledBeforePublishAndCheckedInOutput()
    {
        var run = string.Join("\n", InStage(_file, 0, "RUN").Select(i => i.Arguments));
        var install = run.IndexOf("scripts/install-native.sh", StringComparison.Ordinal);
        var publish = run.IndexOf("dotnet publish", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(install, Is.GreaterThanOrEqualTo(0).And.LessThan(publish), "the engine projects pick up .native/*.so when publish evaluates them");
            foreach (var lib in new[] { "libvosk.so", "libsherpa-onnx-c-api.so", "libonnxruntime.so" })
            {
                Assert.That(run, Does.Contain($"test -f /app/{lib}"), $"the build fails when {lib} is not published next to callmonitor.dll");
            }
        });
    }

    [Test]
    public void User_RuntimeStage_IsNonRootAndOwnsTheDataVolume()
    {
        var user = Effective(_file, "USER").Arguments.Split(':')[0];
        var runs = string.Join("\n", InStage(_file, LastStage(_file), "RUN").Select(i => i.Arguments));
        var volumes = Effective(_file, "VOLUME").ExecForm ?? Effective(_file, "VOLUME").Arguments.Split(' ');
        Assert.Multiple(() =>
        {
            Assert.That(user, Is.Not.EqualTo("root").And.Not.EqualTo("0"));
            Assert.That(runs, Does.Contain($"--uid {user}"), "USER names the uid the runtime stage creates");
            Assert.That(runs, Does.Match($@"chown {user}(:\d+)? /data"), "the service owns /data");
            Assert.That(volumes, Does.Contain("/data"));
        });
    }

    [Test]
    public void Cmd_Default_IsTheReadmeServeLineOnTheExposedPort()
    {
        var cmd = Effective(_file, "CMD").ExecForm;
        var readme = ReadmeServeArguments(File.ReadAllText(RepositoryFiles.PathOf("README.md")));
        var volumes = Effective(_file, "VOLUME").ExecForm ?? [];
        Assert.That(cmd, Is.Not.Null, "CMD in exec form");
        var urls = FlagValue(cmd!, "--urls");
        Assert.That(urls, Is.Not.Null, "CMD gives --urls");
        var url = new Uri(urls!);
        Assert.Multiple(() =>
        {
            Assert.That(cmd![0], Is.EqualTo("serve"));
            Assert.That(FlagNames(cmd), Is.EquivalentTo(FlagNames(readme)), "the same flags as the README's serve line");
            Assert.That(url.Host, Is.EqualTo("0.0.0.0"), "inside a container the service must listen on every interface");
            Assert.That(ExposedPorts(_file), Does.Contain(url.Port), "EXPOSE the port of --urls");
            Assert.That(volumes, Does.Contain(FlagValue(cmd, "--data")), "--data is the volume");
        });
    }

    [Test]
    public void Models_NotBakedIn_ManifestModelFoldersLeftOutOfTheContext()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("models/manifest.json")));
        var names = manifest.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList();
        var copied = string.Join("\n", _file.Where(i => i.Keyword is "COPY" or "ADD" or "RUN").Select(i => i.Arguments));
        var env = string.Join(" ", InStage(_file, LastStage(_file), "ENV").Select(i => i.Arguments));
        Assert.That(names, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var name in names)
            {
                Assert.That(_ignore.IsIgnored($"models/{name}/model.onnx"), Is.True, $"models/{name}/ is sent to the build");
                Assert.That(copied, Does.Not.Contain($"models/{name}"), $"the image copies models/{name}");
            }

            Assert.That(_ignore.IsIgnored("models/manifest.json"), Is.False, "the manifest (sha256s) goes in the image");
            Assert.That(_ignore.IsIgnored("models/classifier/rude-utterance.zip"), Is.False, "the committed classifier goes in the image");
            Assert.That(env, Does.Contain("CALLMONITOR_MODEL_CACHE=/models-cache"));
            Assert.That(env, Does.Match(@"CALLMONITOR_MODELS_DIR=/data/"), "installed models persist in the data volume");
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Healthcheck_Command_IsACliCommandAskingTheExposedPort(CancellationToken ct)
    {
        var check = Effective(_file, "HEALTHCHECK").SplitFlags().Remainder;
        Assert.That(check, Does.StartWith("CMD ["), "HEALTHCHECK CMD in exec form");
        var args = JsonSerializer.Deserialize<string[]>(check[4..])!;
        var help = await CliProcess.RunAsync(ct, "--help");
        Assert.Multiple(() =>
        {
            Assert.That(args.Take(2), Is.EqualTo(new[] { "dotnet", "/app/callmonitor.dll" }));
            Assert.That(help.ExitCode, Is.Zero, help.Stderr);
            Assert.That(HelpCommands(help.Stdout), Does.Contain(args[2]), "the health check runs a command the CLI has");
            Assert.That(ExposedPorts(_file), Does.Contain(new Uri(FlagValue(args, "--server")!).Port));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Cmd_Flags_AreAcceptedByServe(CancellationToken ct)
    {
        var cmd = Effective(_file, "CMD").ExecForm!;
        var help = await CliProcess.RunAsync(ct, cmd[0], "--help");
        Assert.That(help.ExitCode, Is.Zero, help.Stderr);
        Assert.Multiple(() =>
        {
            foreach (var flag in FlagNames(cmd))
            {
                Assert.That(help.Stdout, Does.Contain(flag), $"`callmonitor {cmd[0]}` has no {flag}");
            }
        });
    }
}
