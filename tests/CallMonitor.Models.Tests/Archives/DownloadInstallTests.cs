using System.Security.Cryptography;
using CallMonitor.Models.Tests.Support;

namespace CallMonitor.Models.Tests.Archives;

/// <summary>The real download path (HTTP on 127.0.0.1), verify and extract, for a single file and for a zip.</summary>
[TestFixture]
[Category("Integration")]
[Category("RequiresModel")]
public sealed class DownloadInstallTests
{
    private const string UpstreamFolder = "kws-upstream-folder";

    [Test]
    [CancelAfter(60_000)]
    public async Task InstallAsync_SingleFileModelFromLoopback_DownloadsAndVerifies(CancellationToken ct)
    {
        var shared = Path.Combine(SharedModels.RequireModelsDir(), SharedModels.Vad);
        using var server = new LoopbackFileServer();
        using var temp = new TempDirectory();
        var json = ManifestEditor.LoadRepositoryJson();
        foreach (var file in ManifestEditor.Model(json, SharedModels.Vad)["files"]!.AsArray())
        {
            var path = (string)file!["path"]!;
            file["url"] = server.Add($"vad/{path}", File.ReadAllBytes(Path.Combine(shared, path))).ToString();
        }

        using var store = new ModelStore(ManifestEditor.Parse(json), temp.Sub("models"), cacheDir: null);
        var progress = new RecordingProgress();

        var status = await store.InstallAsync(SharedModels.Vad, progress, ct);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(ModelState.Installed));
            Assert.That(status.Checksum, Is.EqualTo(ChecksumState.Verified));
            Assert.That(File.ReadAllBytes(Path.Combine(status.Path!, "silero_vad.onnx")), Is.EqualTo(File.ReadAllBytes(Path.Combine(shared, "silero_vad.onnx"))));
            Assert.That(File.Exists(Path.Combine(status.Path!, "LICENSE")), Is.True);
            Assert.That(server.Requests, Is.EqualTo(2));
            Assert.That(status.Detail, Does.Contain($"from download http://127.0.0.1:{server.Port}/vad/silero_vad.onnx"));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task InstallAsync_ServerSendsOtherBytes_RejectsTheFile(CancellationToken ct)
    {
        var shared = Path.Combine(SharedModels.RequireModelsDir(), SharedModels.Vad);
        using var server = new LoopbackFileServer();
        using var temp = new TempDirectory();
        var json = ManifestEditor.LoadRepositoryJson();
        var bytes = File.ReadAllBytes(Path.Combine(shared, "silero_vad.onnx"));
        bytes[bytes.Length / 2] ^= 0x55;
        foreach (var file in ManifestEditor.Model(json, SharedModels.Vad)["files"]!.AsArray())
        {
            file!["url"] = server.Add($"vad/{file["path"]}", bytes).ToString();
        }

        using var store = new ModelStore(ManifestEditor.Parse(json), temp.Sub("models"), cacheDir: null);

        var error = Assert.ThrowsAsync<ModelInstallException>(() => store.InstallAsync(SharedModels.Vad, null, ct));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("silero_vad.onnx: expected sha256 2623a2953f6f"));
            Assert.That(store.GetStatus(SharedModels.Vad).State, Is.EqualTo(ModelState.Missing));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task InstallAsync_ZipFromLoopback_MapsRootFolderAndSkipsUnlistedFiles(CancellationToken ct)
    {
        var shared = Path.Combine(SharedModels.RequireModelsDir(), SharedModels.Kws);
        var tree = ArchiveBuilder.ReadTree(shared);
        tree["encoder-epoch-12-avg-2-chunk-16-left-64.onnx"] = RandomNumberGenerator.GetBytes(4096);
        var zip = ArchiveBuilder.Zip(UpstreamFolder, tree);
        using var server = new LoopbackFileServer();
        using var temp = new TempDirectory();
        using var store = new ModelStore(KwsAsZip(server.Add("kws.zip", zip), zip), temp.Sub("models"), temp.Sub("cache"));

        var status = await store.InstallAsync(SharedModels.Kws, null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(ModelState.Installed));
            Assert.That(status.Checksum, Is.EqualTo(ChecksumState.Verified));
            Assert.That(File.Exists(Path.Combine(status.Path!, "encoder-epoch-12-avg-2-chunk-16-left-64.onnx")), Is.False, "unlisted file not installed");
            Assert.That(File.ReadAllBytes(Path.Combine(status.Path!, "test_wavs/3.wav")), Is.EqualTo(tree["test_wavs/3.wav"]));
            Assert.That(status.Detail, Does.Contain("archive sha256 " + Convert.ToHexStringLower(SHA256.HashData(zip))[..12]));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(status.Path!)!), Is.Empty, "the downloaded archive was removed");
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public void InstallAsync_ZipWithWrongSha256_RejectsBeforeExtracting(CancellationToken ct)
    {
        var shared = Path.Combine(SharedModels.RequireModelsDir(), SharedModels.Kws);
        var zip = ArchiveBuilder.Zip(UpstreamFolder, ArchiveBuilder.ReadTree(shared));
        var other = ArchiveBuilder.Zip("something-else", ArchiveBuilder.ReadTree(shared));
        using var server = new LoopbackFileServer();
        using var temp = new TempDirectory();
        var manifest = KwsAsZip(server.Add("kws.zip", other), zip, size: null);
        using var store = new ModelStore(manifest, temp.Sub("models"), null);

        var error = Assert.ThrowsAsync<ModelInstallException>(() => store.InstallAsync(SharedModels.Kws, null, ct));

        Assert.That(error!.Message, Does.Contain("expected sha256 " + Convert.ToHexStringLower(SHA256.HashData(zip))));
    }

    [Test]
    [CancelAfter(60_000)]
    public void InstallAsync_ZipWithoutTheRootFolder_SaysWhatTheArchiveHolds(CancellationToken ct)
    {
        var shared = Path.Combine(SharedModels.RequireModelsDir(), SharedModels.Kws);
        var zip = ArchiveBuilder.Zip("renamed-folder", ArchiveBuilder.ReadTree(shared));
        using var server = new LoopbackFileServer();
        using var temp = new TempDirectory();
        using var store = new ModelStore(KwsAsZip(server.Add("kws.zip", zip), zip), temp.Sub("models"), null);

        var error = Assert.ThrowsAsync<ModelInstallException>(() => store.InstallAsync(SharedModels.Kws, null, ct));

        Assert.That(error!.Message, Does.Contain($"holds none of the model's files under '{UpstreamFolder}/' (top level holds: renamed-folder/)"));
    }

    // The real KWS entry, republished as a zip at url with the zip's own sha256 and a different root folder.
    private static ModelManifest KwsAsZip(Uri url, byte[] zip, long? size = -1)
    {
        var json = ManifestEditor.LoadRepositoryJson();
        var archive = ManifestEditor.Model(json, SharedModels.Kws)["archive"]!;
        archive["format"] = "zip";
        archive["url"] = url.ToString();
        archive["sha256"] = Convert.ToHexStringLower(SHA256.HashData(zip));
        archive["size"] = size == -1 ? zip.Length : size;
        archive["rootFolder"] = UpstreamFolder;
        return ManifestEditor.Parse(json);
    }
}
