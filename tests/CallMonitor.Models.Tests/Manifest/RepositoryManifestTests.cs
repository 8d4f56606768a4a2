using System.Security.Cryptography;
using CallMonitor.Models.Tests.Support;

namespace CallMonitor.Models.Tests.Manifest;

/// <summary>The committed models/manifest.json against the facts: the shared model copies and the brief's numbers.</summary>
[TestFixture]
public sealed class RepositoryManifestTests
{
    [Test]
    public void Load_RepositoryManifest_DefaultsAreTheVadAndKwsModels()
    {
        var manifest = SharedModels.LoadRepositoryManifest();

        Assert.Multiple(() =>
        {
            Assert.That(manifest.Defaults.Select(m => (m.Name, m.Kind)),
                Is.EquivalentTo(new[] { (SharedModels.Vad, "vad"), (SharedModels.Kws, "kws") }));
            Assert.That(manifest.Models.Select(m => m.Name), Does.Contain(SharedModels.Vosk));
            Assert.That(manifest.Models.All(m => m.SampleRate == 16000), Is.True);
        });
    }

    [Test]
    public void Load_RepositoryManifest_VoskArchiveHasThePublishedSizeAndSha256()
    {
        var vosk = SharedModels.LoadRepositoryManifest().Get(SharedModels.Vosk);

        Assert.Multiple(() =>
        {
            Assert.That(vosk.IsDefault, Is.False);
            Assert.That(vosk.Archive!.Format, Is.EqualTo(ArchiveFormat.Zip));
            Assert.That(vosk.Archive.Url, Is.EqualTo(new Uri("https://alphacephei.com/vosk/models/vosk-model-small-cn-0.22.zip")));
            Assert.That(vosk.Archive.Size, Is.EqualTo(43_898_754));
            Assert.That(vosk.Archive.Sha256, Is.EqualTo("3af8b0e7e0f835ae9d414ce5df580237a3cfb08d586c9fbbb0f7ff29ad5b14ba"));
            Assert.That(vosk.HasFileChecksums, Is.False);
            Assert.That(vosk.RequiredFiles.Select(f => f.Path), Does.Contain("am/final.mdl").And.Contain("conf/mfcc.conf"));
        });
    }

    [Test]
    public void Load_RepositoryManifest_VadAndKwsFilesMatchTheSharedCopies()
    {
        var shared = SharedModels.RequireModelsDir();
        var manifest = SharedModels.LoadRepositoryManifest();

        Assert.Multiple(() =>
        {
            foreach (var model in manifest.Defaults)
            {
                foreach (var file in model.Files)
                {
                    var path = Path.Combine(shared, model.Name, file.Path);
                    Assert.That(File.Exists(path), Is.True, $"{model.Name}/{file.Path} is in shared/models");
                    if (!File.Exists(path))
                    {
                        continue;
                    }

                    Assert.That(new FileInfo(path).Length, Is.EqualTo(file.Size), $"{model.Name}/{file.Path} size");
                    Assert.That(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), Is.EqualTo(file.Sha256), $"{model.Name}/{file.Path} sha256");
                }
            }
        });
    }

    [Test]
    public void Load_RepositoryManifest_ListsEverySharedFileOfTheDefaultModels()
    {
        var shared = SharedModels.RequireModelsDir();
        var manifest = SharedModels.LoadRepositoryManifest();

        foreach (var model in manifest.Defaults)
        {
            var dir = Path.Combine(shared, model.Name);
            var onDisk = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'));
            Assert.That(model.Files.Select(f => f.Path), Is.EquivalentTo(onDisk), model.Name);
        }
    }
}
