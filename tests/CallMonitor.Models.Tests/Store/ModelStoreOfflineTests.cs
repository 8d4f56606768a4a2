using CallMonitor.Models.Tests.Support;

namespace CallMonitor.Models.Tests.Store;

/// <summary>No cache and no network: the install must fail at once and say where to put the model.</summary>
[TestFixture]
public sealed class ModelStoreOfflineTests
{
    [Test]
    [CancelAfter(30_000)]
    public void InstallAsync_OfflineEmptyCache_FailsWithDownloadUrlAndCacheAdvice(CancellationToken ct)
    {
        using var f = new StoreFixture();

        var error = Assert.ThrowsAsync<ModelInstallException>(() => f.Store.InstallAsync(SharedModels.Vosk, null, ct));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(
                "could not download vosk-model-small-cn-0.22.zip from https://alphacephei.com/vosk/models/vosk-model-small-cn-0.22.zip: "));
            Assert.That(error.Message, Does.Contain("put the model in $CALLMONITOR_MODEL_CACHE/vosk-model-small-cn-0.22/ or the archive vosk-model-small-cn-0.22.zip"));
            Assert.That(error.Attempts, Has.Count.EqualTo(3), "cache folder, cache archive, download");
            Assert.That(error.Attempts[0], Does.Contain("not there"));
            Assert.That(error.InstallHint, Does.Contain("sha256sum -c"));
            Assert.That(f.Handler.Requested, Is.EqualTo(new[] { new Uri("https://alphacephei.com/vosk/models/vosk-model-small-cn-0.22.zip") }));
            Assert.That(Directory.EnumerateFileSystemEntries(f.ModelsDir), Is.Empty, "no download or staging leftovers");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public void InstallAsync_SingleFileModelOffline_NamesTheFileAndItsUrl(CancellationToken ct)
    {
        using var f = new StoreFixture(withCache: false);

        var error = Assert.ThrowsAsync<ModelInstallException>(() => f.Store.InstallAsync(SharedModels.Vad, null, ct));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(
                "could not download silero_vad.onnx from https://raw.githubusercontent.com/snakers4/silero-vad/a16f3ed07990489f395521a5fd6a3a6a8ad16240/src/silero_vad/data/silero_vad.onnx"));
            Assert.That(error.Message, Does.Contain("CALLMONITOR_MODEL_CACHE is not set"));
            Assert.That(f.Handler.Calls, Is.EqualTo(1), "the optional LICENSE is not fetched once the model file failed");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public void InstallAsync_RealClientConnectionRefused_FailsWithTheSocketReason(CancellationToken ct)
    {
        using var temp = new TempDirectory();
        var json = ManifestEditor.LoadRepositoryJson();
        var vosk = ManifestEditor.Model(json, SharedModels.Vosk);
        var url = $"http://127.0.0.1:{LoopbackFileServer.FreePort()}/vosk-model-small-cn-0.22.zip";
        vosk["archive"]!["url"] = url;
        using var store = new ModelStore(ManifestEditor.Parse(json), temp.Sub("models"), cacheDir: null);

        var error = Assert.ThrowsAsync<ModelInstallException>(() => store.InstallAsync(SharedModels.Vosk, null, ct));

        Assert.That(error!.Message, Does.Contain($"could not download vosk-model-small-cn-0.22.zip from {url}: ").And.Contain("refused"));
    }
}
