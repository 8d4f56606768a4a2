using System.Text.RegularExpressions;
using CallMonitor.Engines.SherpaOnnx.Native;
using CallMonitor.Engines.SherpaOnnx.Tests.Support;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Native;

[TestFixture]
public sealed partial class SherpaOnnxLibraryTests
{
    [Test]
    public void TryLoad_InstalledLibrary_ReportsTheFileItLoaded()
    {
        TestAssets.RequireLibrary();

        var loaded = SherpaOnnxLibrary.TryLoad(out var error);

        Assert.Multiple(() =>
        {
            Assert.That(loaded, Is.True);
            Assert.That(error, Is.Null);
            Assert.That(SherpaOnnxLibrary.LoadedFrom, Does.EndWith("libsherpa-onnx-c-api.so"));
            Assert.That(File.Exists(SherpaOnnxLibrary.LoadedFrom), Is.True);
        });
    }

    [Test]
    public void Version_LoadedLibrary_ReportsTheReleaseThisBindingMirrors()
    {
        TestAssets.RequireLibrary();

        var version = SherpaOnnxLibrary.Version;

        Assert.Multiple(() =>
        {
            Assert.That(version.Version, Is.EqualTo("1.13.8"));
            Assert.That(version.GitSha1, Does.Match(HexPattern()));
            Assert.That(version.GitDate, Is.Not.Empty);
            Assert.That(version.OnnxRuntimeVersion, Does.Match(DottedVersionPattern()));
            Assert.That(version.ToString(), Does.Contain("1.13.8"));
        });
    }

    [GeneratedRegex("^[0-9a-f]{7,40}$")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+")]
    private static partial Regex DottedVersionPattern();
}
