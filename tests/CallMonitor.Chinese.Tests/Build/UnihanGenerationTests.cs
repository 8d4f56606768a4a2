using System.Diagnostics;

namespace CallMonitor.Chinese.Tests.Build;

/// <summary>
/// Runs the project's MSBuild target GenerateUnihanTables against a private copy of the Unihan data and
/// a private output folder, so the real build outputs are never touched.
/// </summary>
[Category("Integration")]
public class UnihanGenerationTests
{
    private const string GeneratedMessage = "generating Unihan tables";
    private const string UnihanSource = "/usr/share/unicode";
    private static readonly string[] DataFiles = ["Unihan_Readings.txt.bz2", "Unihan_Variants.txt.bz2"];

    private string _work = string.Empty;

    [SetUp]
    public void SetUp()
    {
        _work = Path.Combine(Path.GetTempPath(), "cm-unihan-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_work);
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task GenerateUnihanTables_SecondRun_SkipsUntilDataChanges(CancellationToken token)
    {
        var project = RequireProject();
        var data = Directory.CreateDirectory(Path.Combine(_work, "data")).FullName;
        foreach (var file in DataFiles)
        {
            var source = Path.Combine(UnihanSource, file);
            if (!File.Exists(source))
            {
                Assert.Ignore($"{source} is missing (apt-get install unicode-data); cannot exercise the generator");
            }

            File.Copy(source, Path.Combine(data, file));
        }

        var output = Path.Combine(_work, "out") + Path.DirectorySeparatorChar;
        var table = Path.Combine(output, "pinyin.tsv.gz");

        var first = await RunTargetAsync(project, data, output, token);
        Assert.That(first.ExitCode, Is.Zero, first.Log);
        Assert.That(first.Log, Does.Contain(GeneratedMessage));
        Assert.That(new FileInfo(table).Length, Is.GreaterThan(10_000));
        var written = File.GetLastWriteTimeUtc(table);

        var second = await RunTargetAsync(project, data, output, token);
        Assert.Multiple(() =>
        {
            Assert.That(second.ExitCode, Is.Zero, second.Log);
            Assert.That(second.Log, Does.Not.Contain(GeneratedMessage));
            Assert.That(File.GetLastWriteTimeUtc(table), Is.EqualTo(written));
        });

        File.SetLastWriteTimeUtc(Path.Combine(data, DataFiles[1]), DateTime.UtcNow.AddSeconds(5));
        var third = await RunTargetAsync(project, data, output, token);
        Assert.Multiple(() =>
        {
            Assert.That(third.ExitCode, Is.Zero, third.Log);
            Assert.That(third.Log, Does.Contain(GeneratedMessage));
            Assert.That(File.GetLastWriteTimeUtc(table), Is.GreaterThan(written));
        });
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task GenerateUnihanTables_DataMissing_FailsNamingThePackage(CancellationToken token)
    {
        var project = RequireProject();

        var run = await RunTargetAsync(project, Path.Combine(_work, "no-such-folder"), Path.Combine(_work, "out") + "/", token);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Not.Zero);
            Assert.That(run.Log, Does.Contain("apt-get install unicode-data"));
        });
    }

    private static string RequireProject()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "CallMonitor.Chinese", "CallMonitor.Chinese.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Ignore("src/CallMonitor.Chinese was not found above the test directory; the generator test needs the source tree");
        return string.Empty;
    }

    private static async Task<(int ExitCode, string Log)> RunTargetAsync(string project, string dataDir, string outDir, CancellationToken token)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "msbuild", project, "-t:GenerateUnihanTables", "-nologo", "-nodeReuse:false", "-v:n",
            $"-p:UnihanDir={dataDir}", $"-p:UnihanOutDir={outDir}",
        })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {dotnet}");
        var stdout = process.StandardOutput.ReadToEndAsync(token);
        var stderr = process.StandardError.ReadToEndAsync(token);
        try
        {
            await process.WaitForExitAsync(token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
