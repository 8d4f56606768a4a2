using CallMonitor.Engines.Vosk.Model;

namespace CallMonitor.Engines.Vosk.Tests.Model;

public class VoskModelDirectoryTests
{
    [Test]
    public void DefaultPath_NoVariables_FindsModelStoreFolderAboveTheApp()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(VoskModelDirectory.ModelVariable))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(VoskModelDirectory.ModelsDirVariable)))
        {
            Assert.Ignore("CALLMONITOR_VOSK_MODEL or CALLMONITOR_MODELS_DIR is set; they take precedence over the search");
        }

        var root = Directory.CreateTempSubdirectory("vosk-default-").FullName;
        try
        {
            var model = Directory.CreateDirectory(Path.Combine(root, "models", VoskModelDirectory.DefaultModelName)).FullName;
            var app = Directory.CreateDirectory(Path.Combine(root, "src", "App", "bin")).FullName;

            Assert.That(VoskModelDirectory.DefaultPath(app), Is.EqualTo(model));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void MissingFiles_FlatOldLayoutWithHclg_Accepted()
    {
        var root = Directory.CreateTempSubdirectory("vosk-flat-").FullName;
        try
        {
            foreach (var file in new[] { "final.mdl", "mfcc.conf", "HCLG.fst" })
            {
                File.WriteAllText(Path.Combine(root, file), "x");
            }

            Assert.That(VoskModelDirectory.MissingFiles(root), Is.Empty);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void MissingFiles_GraphMissing_NamesTheGraphFiles()
    {
        var root = Directory.CreateTempSubdirectory("vosk-nograph-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "am"));
            Directory.CreateDirectory(Path.Combine(root, "conf"));
            File.WriteAllText(Path.Combine(root, "am", "final.mdl"), "x");
            File.WriteAllText(Path.Combine(root, "conf", "mfcc.conf"), "x");

            Assert.That(VoskModelDirectory.MissingFiles(root).Single(), Does.Contain("HCLG.fst").And.Contain("HCLr.fst"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
