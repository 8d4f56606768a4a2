using CallMonitor.Engines.SherpaOnnx.Native;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Native;

[TestFixture]
public sealed class NativeLibraryLocatorTests
{
    private string _root = null!;

    [SetUp]
    public void CreateTree() => _root = Directory.CreateTempSubdirectory("locator-").FullName;

    [TearDown]
    public void DeleteTree() => Directory.Delete(_root, recursive: true);

    [Test]
    public void CandidateDirectories_CheckoutAboveBaseDirectory_EndsWithItsNativeFolder()
    {
        var native = Directory.CreateDirectory(Path.Combine(_root, "repo", ".native", "sherpa-onnx")).FullName;
        var baseDir = Directory.CreateDirectory(Path.Combine(_root, "repo", "tests", "X", "bin", "Debug")).FullName;

        var dirs = SherpaOnnxLibrary.Native.CandidateDirectories(baseDir, nativeDirVariable: null);

        Assert.That(dirs, Is.EqualTo(new[] { baseDir, native }));
    }

    [Test]
    public void CandidateDirectories_VariableSet_SearchedAfterBaseDirectoryWithItsSherpaSubfolder()
    {
        var baseDir = Directory.CreateDirectory(Path.Combine(_root, "app")).FullName;
        var custom = Directory.CreateDirectory(Path.Combine(_root, "libs")).FullName;

        var dirs = SherpaOnnxLibrary.Native.CandidateDirectories(baseDir, custom);

        Assert.That(dirs.Take(3), Is.EqualTo(new[] { baseDir, custom, Path.Combine(custom, "sherpa-onnx") }));
    }

    [Test]
    public void CandidateDirectories_NoCheckoutNoVariable_OnlyBaseDirectory()
    {
        var baseDir = Directory.CreateDirectory(Path.Combine(_root, "plain", "app")).FullName;

        var dirs = SherpaOnnxLibrary.Native.CandidateDirectories(baseDir, nativeDirVariable: "");

        // Only a .native folder somewhere above the temp directory could add to this; none is expected there.
        Assert.That(dirs[0], Is.EqualTo(baseDir));
        Assert.That(dirs.Skip(1).Where(d => d.StartsWith(_root, StringComparison.Ordinal)), Is.Empty);
    }
}
