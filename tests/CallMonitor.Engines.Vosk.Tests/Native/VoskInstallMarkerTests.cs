using CallMonitor.Engines.Vosk.Native;

namespace CallMonitor.Engines.Vosk.Tests.Native;

public class VoskInstallMarkerTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("vosk-marker-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void ReadVersion_KeyValueLines_ReturnsVersion()
    {
        var path = Path.Combine(_dir, "libvosk.so.installed");
        File.WriteAllLines(path, ["package=vosk", "version = 9.8.7 ", "sha256=abc"]);

        Assert.That(VoskInstallMarker.ReadVersion(path), Is.EqualTo("9.8.7"));
    }

    [Test]
    public void ReadVersion_NoVersionKey_Unknown()
    {
        var path = Path.Combine(_dir, "libvosk.so.installed");
        File.WriteAllLines(path, ["package=vosk", "versions=1"]);

        Assert.That(VoskInstallMarker.ReadVersion(path), Is.EqualTo("unknown"));
    }

    [Test]
    public void ReadVersion_NoFile_Unknown() =>
        Assert.That(VoskInstallMarker.ReadVersion(Path.Combine(_dir, "missing.installed")), Is.EqualTo("unknown"));
}
