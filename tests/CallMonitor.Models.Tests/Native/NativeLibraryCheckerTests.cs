using System.Security.Cryptography;
using CallMonitor.Models.Tests.Store;
using CallMonitor.Models.Tests.Support;

namespace CallMonitor.Models.Tests.Native;

[TestFixture]
public sealed class NativeLibraryCheckerTests
{
    private static string WriteLibrary(string dir, string name, int size = 4096)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(size));
        return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
    }

    private static void WriteJsonMarker(string dir, string package, string version, params (string File, string Sha)[] files)
    {
        var entries = string.Join(", ", files.Select(f => $"\"{f.File}\": \"{f.Sha}\""));
        File.WriteAllText(Path.Combine(dir, "installed.json"), $$"""{"package": "{{package}}", "version": "{{version}}", "files": { {{entries}} } }""");
    }

    [Test]
    public void GetStatus_JsonMarkerMatchingFiles_IsInstalled()
    {
        using var temp = new TempDirectory();
        var dir = Path.Combine(temp.Path, "sherpa-onnx");
        var api = WriteLibrary(dir, "libsherpa-onnx-c-api.so");
        var ort = WriteLibrary(dir, "libonnxruntime.so");
        WriteJsonMarker(dir, "sherpa-onnx-linux-x64", "1.13.8", ("libsherpa-onnx-c-api.so", api), ("libonnxruntime.so", ort));

        var status = new NativeLibraryChecker(temp.Path).GetStatus("sherpa-onnx");

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(NativeLibraryState.Installed));
            Assert.That(status.Package, Is.EqualTo("sherpa-onnx-linux-x64"));
            Assert.That(status.Version, Is.EqualTo("1.13.8"));
            Assert.That(status.Files, Is.EquivalentTo(new[] { "libsherpa-onnx-c-api.so", "libonnxruntime.so" }));
            Assert.That(status.InstallHint, Is.Null);
        });
    }

    [Test]
    public void GetStatus_LibraryChangedAfterInstall_IsCorruptWithForceHint()
    {
        using var temp = new TempDirectory();
        var dir = Path.Combine(temp.Path, "sherpa-onnx");
        WriteJsonMarker(CreateDir(dir), "sherpa-onnx-linux-x64", "1.13.8", ("libonnxruntime.so", WriteLibrary(dir, "libonnxruntime.so")));
        StoreFixture.FlipByte(Path.Combine(dir, "libonnxruntime.so"), 10);

        var status = new NativeLibraryChecker(temp.Path).GetStatus("sherpa-onnx");

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(NativeLibraryState.Corrupt));
            Assert.That(status.Detail, Does.Contain("libonnxruntime.so has another sha256"));
            Assert.That(status.InstallHint, Is.EqualTo("bash scripts/install-native.sh --force"));
        });
    }

    [Test]
    public void GetStatus_ListedFileDeleted_IsCorrupt()
    {
        using var temp = new TempDirectory();
        var dir = Path.Combine(temp.Path, "vosk");
        WriteJsonMarker(CreateDir(dir), "vosk", "0.3.39", ("libvosk.so", WriteLibrary(dir, "libvosk.so")));
        File.Delete(Path.Combine(dir, "libvosk.so"));

        Assert.That(new NativeLibraryChecker(temp.Path).GetStatus("vosk").Detail, Does.Contain("libvosk.so is missing"));
    }

    [Test]
    public void GetStatus_InstallNativeLineMarkers_AreReadToo()
    {
        using var temp = new TempDirectory();
        var dir = Path.Combine(temp.Path, "vosk");
        var sha = WriteLibrary(dir, "libvosk.so");
        File.WriteAllText(Path.Combine(dir, "libvosk.so.installed"), $"package=vosk\nversion=0.3.39\nfile=libvosk.so\nsha256={sha}\ninstalled=2025-01-01T00:00:00Z\n");
        var checker = new NativeLibraryChecker(temp.Path);

        var good = checker.GetStatus("vosk");
        StoreFixture.FlipByte(Path.Combine(dir, "libvosk.so"), 0);
        var bad = checker.GetStatus("vosk");

        Assert.Multiple(() =>
        {
            Assert.That(good.State, Is.EqualTo(NativeLibraryState.Installed));
            Assert.That(good.Version, Is.EqualTo("0.3.39"));
            Assert.That(bad.State, Is.EqualTo(NativeLibraryState.Corrupt));
        });
    }

    [Test]
    public void GetStatus_MalformedMarker_IsInvalidMarker()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(Path.Combine(temp.Sub("sherpa-onnx"), "installed.json"), "{ \"package\": ");

        Assert.That(new NativeLibraryChecker(temp.Path).GetStatus("sherpa-onnx").State, Is.EqualTo(NativeLibraryState.InvalidMarker));
    }

    [Test]
    public void GetStatus_MarkerWithoutFiles_IsInvalidMarker()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(Path.Combine(temp.Sub("sherpa-onnx"), "installed.json"), """{"package": "sherpa-onnx-linux-x64", "version": "1.13.8", "files": {}}""");

        Assert.That(new NativeLibraryChecker(temp.Path).GetStatus("sherpa-onnx").State, Is.EqualTo(NativeLibraryState.InvalidMarker));
    }

    [Test]
    public void GetAll_EmptyNativeDir_ReportsKnownLibrariesMissingAndFindsExtraOnes()
    {
        using var temp = new TempDirectory();
        var extra = Path.Combine(temp.Path, "whisper");
        WriteJsonMarker(CreateDir(extra), "whisper", "1.0", ("libwhisper.so", WriteLibrary(extra, "libwhisper.so")));

        var all = new NativeLibraryChecker(temp.Path).GetAll();

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(s => s.Library), Is.EqualTo(new[] { "sherpa-onnx", "vosk", "whisper" }));
            Assert.That(all.Take(2).Select(s => s.State), Is.All.EqualTo(NativeLibraryState.Missing));
            Assert.That(all[0].InstallHint, Is.EqualTo("bash scripts/install-native.sh"));
            Assert.That(all[2].State, Is.EqualTo(NativeLibraryState.Installed));
        });
    }

    private static string CreateDir(string dir)
    {
        Directory.CreateDirectory(dir);
        return dir;
    }
}
