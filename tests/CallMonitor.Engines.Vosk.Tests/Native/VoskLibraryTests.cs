using CallMonitor.Engines.Vosk.Native;
using CallMonitor.Engines.Vosk.Tests.Support;

namespace CallMonitor.Engines.Vosk.Tests.Native;

public class VoskLibraryTests
{
    [Test]
    public void TryLoad_InstalledLibrary_LoadsAndAcceptsARealCall()
    {
        VoskTestAssets.RequireLibrary();

        Assert.Multiple(() =>
        {
            Assert.That(Path.GetFileName(VoskLibrary.LoadedFrom), Is.EqualTo("libvosk.so"));
            Assert.DoesNotThrow(() => VoskLibrary.SetLogLevel(-1));
        });
    }

    [Test]
    public void Version_InstalledWithMarker_IsTheMarkersVersion()
    {
        VoskTestAssets.RequireLibrary();
        var marker = VoskInstallMarker.PathFor(VoskLibrary.LoadedFrom!);
        if (!File.Exists(marker))
        {
            Assert.Ignore($"no install marker beside {VoskLibrary.LoadedFrom}");
        }

        var line = File.ReadLines(marker).Single(l => l.StartsWith("version=", StringComparison.Ordinal));

        Assert.That(VoskLibrary.Version, Is.EqualTo(line["version=".Length..]).And.Not.EqualTo("unknown"));
    }
}
