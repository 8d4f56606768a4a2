using CallMonitor.Engines.Vosk.Native;

namespace CallMonitor.Engines.Vosk.Tests.Native;

public class VoskLibraryLocatorTests
{
    [Test]
    public void CandidateDirectories_AppFolderThenVariableThenRepoNative_InThatOrder()
    {
        var root = Directory.CreateTempSubdirectory("vosk-locate-").FullName;
        try
        {
            var native = Directory.CreateDirectory(Path.Combine(root, ".native", "vosk")).FullName;
            var app = Directory.CreateDirectory(Path.Combine(root, "src", "bin", "Debug")).FullName;
            var custom = Path.Combine(root, "custom");

            var dirs = VoskLibrary.Native.CandidateDirectories(app, custom);

            Assert.That(dirs, Is.EqualTo(new[] { app, custom, Path.Combine(custom, "vosk"), native }));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
