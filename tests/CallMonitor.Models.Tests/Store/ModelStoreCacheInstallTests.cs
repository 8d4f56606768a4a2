using CallMonitor.Models.Tests.Support;

namespace CallMonitor.Models.Tests.Store;

[TestFixture]
[Category("RequiresModel")]
public sealed class ModelStoreCacheInstallTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task InstallAsync_ModelInCacheFolder_CopiesVerifiedFilesNotLinks(CancellationToken ct)
    {
        using var f = new StoreFixture();
        var cached = SharedModels.CopyToCache(SharedModels.Kws, f.CacheDir!);

        var status = await f.Store.InstallAsync(SharedModels.Kws, null, ct);

        var entry = f.Store.Manifest.Get(SharedModels.Kws);
        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(ModelState.Installed));
            Assert.That(status.Checksum, Is.EqualTo(ChecksumState.Verified));
            Assert.That(status.Path, Is.EqualTo(Path.Combine(f.ModelsDir, SharedModels.Kws)));
            foreach (var file in entry.Files)
            {
                var installed = f.Installed(SharedModels.Kws, file.Path);
                Assert.That(File.ReadAllBytes(installed), Is.EqualTo(File.ReadAllBytes(Path.Combine(cached, file.Path))), file.Path);
                Assert.That(new FileInfo(installed).LinkTarget, Is.Null, $"{file.Path} is a copy, not a link");
            }

            Assert.That(f.Handler.Calls, Is.Zero, "no download when the cache has the model");
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task InstallAsync_CacheRemovedAfterInstall_ModelStaysUsable(CancellationToken ct)
    {
        using var f = new StoreFixture();
        SharedModels.CopyToCache(SharedModels.Vad, f.CacheDir!);
        await f.Store.InstallAsync(SharedModels.Vad, null, ct);

        Directory.Delete(f.CacheDir!, recursive: true);

        Assert.That(f.Store.TryGetPath(SharedModels.Vad), Is.EqualTo(Path.Combine(f.ModelsDir, SharedModels.Vad)));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task InstallAsync_AlreadyInstalled_LeavesFilesUntouched(CancellationToken ct)
    {
        using var f = new StoreFixture();
        SharedModels.CopyToCache(SharedModels.Vad, f.CacheDir!);
        await f.Store.InstallAsync(SharedModels.Vad, null, ct);
        var onnx = f.Installed(SharedModels.Vad, "silero_vad.onnx");
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(onnx, stamp);
        var progress = new RecordingProgress();

        var status = await f.Store.InstallAsync(SharedModels.Vad, progress, ct);

        Assert.Multiple(() =>
        {
            Assert.That(status.IsUsable, Is.True);
            Assert.That(File.GetLastWriteTimeUtc(onnx), Is.EqualTo(stamp), "the second install did not rewrite the file");
            Assert.That(progress.Text, Does.Contain("already installed"));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task InstallAsync_InstalledFileCorrupted_DetectsAndHeals(CancellationToken ct)
    {
        using var f = new StoreFixture();
        var cached = SharedModels.CopyToCache(SharedModels.Kws, f.CacheDir!);
        await f.Store.InstallAsync(SharedModels.Kws, null, ct);
        var encoder = "encoder-epoch-12-avg-2-chunk-16-left-64.int8.onnx";
        StoreFixture.FlipByte(f.Installed(SharedModels.Kws, encoder), 1_000_000);

        var damaged = f.Store.GetStatus(SharedModels.Kws);
        var healed = await f.Store.InstallAsync(SharedModels.Kws, null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(damaged.State, Is.EqualTo(ModelState.Corrupt));
            Assert.That(damaged.Checksum, Is.EqualTo(ChecksumState.Mismatch));
            Assert.That(damaged.Detail, Does.Contain(encoder));
            Assert.That(damaged.InstallHint, Does.Contain($"models install {SharedModels.Kws}"));
            Assert.That(healed.State, Is.EqualTo(ModelState.Installed));
            Assert.That(File.ReadAllBytes(f.Installed(SharedModels.Kws, encoder)), Is.EqualTo(File.ReadAllBytes(Path.Combine(cached, encoder))));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task GetStatus_CorruptedFile_TryGetPathIsNull(CancellationToken ct)
    {
        using var f = new StoreFixture();
        SharedModels.CopyToCache(SharedModels.Vad, f.CacheDir!);
        await f.Store.InstallAsync(SharedModels.Vad, null, ct);

        StoreFixture.FlipByte(f.Installed(SharedModels.Vad, "silero_vad.onnx"), 12_345);

        Assert.That(f.Store.TryGetPath(SharedModels.Vad), Is.Null);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task GetStatus_RequiredFileDeleted_IsIncompleteAndInstallRestoresIt(CancellationToken ct)
    {
        using var f = new StoreFixture();
        SharedModels.CopyToCache(SharedModels.Kws, f.CacheDir!);
        await f.Store.InstallAsync(SharedModels.Kws, null, ct);
        File.Delete(f.Installed(SharedModels.Kws, "tokens.txt"));

        var incomplete = f.Store.GetStatus(SharedModels.Kws);
        var restored = await f.Store.InstallAsync(SharedModels.Kws, null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(incomplete.State, Is.EqualTo(ModelState.Incomplete));
            Assert.That(incomplete.Detail, Does.Contain("missing required files: tokens.txt"));
            Assert.That(restored.State, Is.EqualTo(ModelState.Installed));
            Assert.That(File.Exists(f.Installed(SharedModels.Kws, "tokens.txt")), Is.True);
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task GetStatus_OptionalFileDeleted_StaysInstalledAndNamesIt(CancellationToken ct)
    {
        using var f = new StoreFixture();
        SharedModels.CopyToCache(SharedModels.Kws, f.CacheDir!);
        await f.Store.InstallAsync(SharedModels.Kws, null, ct);
        File.Delete(f.Installed(SharedModels.Kws, "test_wavs/0.wav"));

        var status = f.Store.GetStatus(SharedModels.Kws);
        await f.Store.InstallAsync(SharedModels.Kws, null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(ModelState.Installed));
            Assert.That(status.Detail, Does.Contain("optional files missing: test_wavs/0.wav"));
            Assert.That(File.Exists(f.Installed(SharedModels.Kws, "test_wavs/0.wav")), Is.True, "install fills in the optional file");
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task InstallAsync_CacheCopyCorrupt_FailsNamingFileAndInstallsNothing(CancellationToken ct)
    {
        using var f = new StoreFixture();
        var cached = SharedModels.CopyToCache(SharedModels.Kws, f.CacheDir!);
        StoreFixture.FlipByte(Path.Combine(cached, "joiner-epoch-12-avg-2-chunk-16-left-64.int8.onnx"), 100);

        var error = Assert.ThrowsAsync<ModelInstallException>(() => f.Store.InstallAsync(SharedModels.Kws, null, ct));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("joiner-epoch-12-avg-2-chunk-16-left-64.int8.onnx: expected sha256 f79760052b87"));
            Assert.That(error.Message, Does.Contain("could not download"));
            Assert.That(Directory.Exists(Path.Combine(f.ModelsDir, SharedModels.Kws)), Is.False);
            Assert.That(Directory.GetDirectories(f.ModelsDir), Is.Empty, "no staging folder is left behind");
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task InstallAsync_CacheLacksRequiredFile_FailsNamingIt(CancellationToken ct)
    {
        using var f = new StoreFixture();
        var cached = SharedModels.CopyToCache(SharedModels.Kws, f.CacheDir!);
        File.Delete(Path.Combine(cached, "tokens.txt"));

        var error = Assert.ThrowsAsync<ModelInstallException>(() => f.Store.InstallAsync(SharedModels.Kws, null, ct));

        Assert.That(error!.Attempts[0], Does.Contain("lacks required files: tokens.txt"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task InstallAsync_CorruptInstallAndCorruptCache_KeepsReportingCorrupt(CancellationToken ct)
    {
        using var f = new StoreFixture();
        var cached = SharedModels.CopyToCache(SharedModels.Vad, f.CacheDir!);
        await f.Store.InstallAsync(SharedModels.Vad, null, ct);
        StoreFixture.FlipByte(f.Installed(SharedModels.Vad, "silero_vad.onnx"), 7);
        StoreFixture.FlipByte(Path.Combine(cached, "silero_vad.onnx"), 7);

        Assert.ThrowsAsync<ModelInstallException>(() => f.Store.InstallAsync(SharedModels.Vad, null, ct));

        Assert.That(f.Store.GetStatus(SharedModels.Vad).State, Is.EqualTo(ModelState.Corrupt));
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix file modes only")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [CancelAfter(60_000)]
    public async Task InstallAsync_ReadOnlyCache_InstalledCopiesAreWritableAndHealable(CancellationToken ct)
    {
        using var f = new StoreFixture();
        var cached = SharedModels.CopyToCache(SharedModels.Vad, f.CacheDir!);
        foreach (var file in Directory.GetFiles(cached))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        await f.Store.InstallAsync(SharedModels.Vad, null, ct);
        var onnx = f.Installed(SharedModels.Vad, "silero_vad.onnx");
        var mode = File.GetUnixFileMode(onnx);
        StoreFixture.FlipByte(onnx, 99);
        var healed = await f.Store.InstallAsync(SharedModels.Vad, null, ct);

        Assert.Multiple(() =>
        {
            Assert.That(mode.HasFlag(UnixFileMode.UserWrite), Is.True);
            Assert.That(healed.State, Is.EqualTo(ModelState.Installed));
        });
    }
}
