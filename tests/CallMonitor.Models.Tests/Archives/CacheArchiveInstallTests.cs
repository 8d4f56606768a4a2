using System.Security.Cryptography;
using CallMonitor.Models.Tests.Store;
using CallMonitor.Models.Tests.Support;

namespace CallMonitor.Models.Tests.Archives;

/// <summary>The official archive file sitting in the cache: tar.bz2 for sherpa-onnx, zip for Vosk.</summary>
[TestFixture]
public sealed class CacheArchiveInstallTests
{
    [Test]
    [Category("RequiresModel")]
    [CancelAfter(120_000)]
    public async Task InstallAsync_KwsTarBz2InCache_ExtractsListedFilesOnly(CancellationToken ct)
    {
        using var f = new StoreFixture();
        var entry = f.Store.Manifest.Get(SharedModels.Kws);
        var parent = Path.Combine(f.Root, "pack");
        var packed = SharedModels.CopyToCache(SharedModels.Kws, parent);
        File.WriteAllBytes(Path.Combine(packed, "encoder-epoch-12-avg-2-chunk-16-left-64.onnx"), RandomNumberGenerator.GetBytes(8192));
        ArchiveBuilder.TarBz2(parent, entry.Archive!.RootFolder!, Path.Combine(f.CacheDir!, entry.Archive.FileName));
        var progress = new RecordingProgress();

        var status = await f.Store.InstallAsync(SharedModels.Kws, progress, ct);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(ModelState.Installed));
            Assert.That(status.Checksum, Is.EqualTo(ChecksumState.Verified));
            Assert.That(status.Detail, Does.Contain($"from cache archive {Path.Combine(f.CacheDir!, entry.Archive.FileName)}"));
            Assert.That(File.Exists(f.Installed(SharedModels.Kws, "encoder-epoch-12-avg-2-chunk-16-left-64.onnx")), Is.False);
            Assert.That(progress.Text, Does.Contain("no sha256 for the archive"));
            Assert.That(f.Handler.Calls, Is.Zero);
        });
    }

    [Test]
    [Category("RequiresModel")]
    [CancelAfter(120_000)]
    public void InstallAsync_TruncatedTarBz2InCache_SaysTheArchiveIsUnreadable(CancellationToken ct)
    {
        using var f = new StoreFixture();
        var entry = f.Store.Manifest.Get(SharedModels.Kws);
        var parent = Path.Combine(f.Root, "pack");
        SharedModels.CopyToCache(SharedModels.Kws, parent);
        var archive = Path.Combine(f.CacheDir!, entry.Archive!.FileName);
        ArchiveBuilder.TarBz2(parent, entry.Archive.RootFolder!, archive);
        using (var stream = new FileStream(archive, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        var error = Assert.ThrowsAsync<ModelInstallException>(() => f.Store.InstallAsync(SharedModels.Kws, null, ct));

        Assert.That(error!.Attempts.Single(a => a.Contains(archive, StringComparison.Ordinal)), Does.Contain("is not a readable tar.bz2 archive"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task InstallAsync_LayoutOnlyModelZipInCache_InstallsWholeFolderAsUnverifiable(CancellationToken ct)
    {
        var (json, zip) = VoskLikeZip();
        using var f = new StoreFixture(ManifestEditor.Parse(json));
        await File.WriteAllBytesAsync(Path.Combine(f.CacheDir!, "vosk-model-small-cn-0.22.zip"), zip, ct);

        var status = await f.Store.InstallAsync(SharedModels.Vosk, null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(ModelState.Installed));
            Assert.That(status.Checksum, Is.EqualTo(ChecksumState.Unverifiable));
            Assert.That(status.Detail, Does.Contain("present, checksum unverifiable").And.Contain("archive sha256"));
            Assert.That(File.Exists(f.Installed(SharedModels.Vosk, "graph/phones/word_boundary.int")), Is.True, "unlisted files come along");
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task GetStatus_LayoutOnlyModelLosesAFile_IsIncomplete(CancellationToken ct)
    {
        var (json, zip) = VoskLikeZip();
        using var f = new StoreFixture(ManifestEditor.Parse(json));
        await File.WriteAllBytesAsync(Path.Combine(f.CacheDir!, "vosk-model-small-cn-0.22.zip"), zip, ct);
        await f.Store.InstallAsync(SharedModels.Vosk, null, ct);

        File.Delete(f.Installed(SharedModels.Vosk, "am/final.mdl"));

        var status = f.Store.GetStatus(SharedModels.Vosk);
        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(ModelState.Incomplete));
            Assert.That(status.Detail, Does.Contain("am/final.mdl"));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public void InstallAsync_VoskZipInCacheWithWrongSha256_IsRejected(CancellationToken ct)
    {
        var (_, zip) = VoskLikeZip();
        using var f = new StoreFixture();
        File.WriteAllBytes(Path.Combine(f.CacheDir!, "vosk-model-small-cn-0.22.zip"), zip);

        var error = Assert.ThrowsAsync<ModelInstallException>(() => f.Store.InstallAsync(SharedModels.Vosk, null, ct));

        Assert.That(error!.Attempts[1], Does.Contain($"expected {43_898_754} bytes, got {zip.Length} bytes"));
    }

    // A zip with the Vosk layout (placeholder bytes: this exercises the layout check, not recognition), and the
    // real Vosk manifest entry with this zip's size and sha256.
    private static (System.Text.Json.Nodes.JsonObject Json, byte[] Zip) VoskLikeZip()
    {
        var files = new[] { "am/final.mdl", "conf/mfcc.conf", "conf/model.conf", "graph/HCLr.fst", "graph/Gr.fst", "ivector/final.ie", "graph/phones/word_boundary.int", "README" }
            .ToDictionary(p => p, _ => RandomNumberGenerator.GetBytes(64), StringComparer.Ordinal);
        var zip = ArchiveBuilder.Zip("vosk-model-small-cn-0.22", files);
        var json = ManifestEditor.LoadRepositoryJson();
        var archive = ManifestEditor.Model(json, SharedModels.Vosk)["archive"]!;
        archive["sha256"] = Convert.ToHexStringLower(SHA256.HashData(zip));
        archive["size"] = zip.Length;
        return (json, zip);
    }
}
