using CallMonitor.Models.Tests.Support;

namespace CallMonitor.Models.Tests.Store;

[TestFixture]
public sealed class ModelStoreStatusTests
{
    [Test]
    public void GetAll_NothingInstalled_ListsEveryManifestModelAsMissing()
    {
        using var f = new StoreFixture();

        var all = f.Store.GetAll();

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(s => s.Name), Is.EqualTo(f.Store.Manifest.Models.Select(m => m.Name)));
            Assert.That(all.Select(s => s.State), Is.All.EqualTo(ModelState.Missing));
            Assert.That(all.Select(s => s.Checksum), Is.All.EqualTo(ChecksumState.NotChecked));
            Assert.That(all.Select(s => s.InstallHint), Is.All.Not.Null);
            Assert.That(all.Where(s => s.IsDefault).Select(s => s.Kind), Is.EquivalentTo(new[] { "vad", "kws" }));
        });
    }

    [Test]
    public void GetStatus_VoskNotInCache_HintGivesTheOfflineCommands()
    {
        using var f = new StoreFixture();

        var vosk = f.Store.GetStatus(SharedModels.Vosk);

        Assert.Multiple(() =>
        {
            Assert.That(vosk.State, Is.EqualTo(ModelState.Missing));
            Assert.That(vosk.Detail, Does.Contain($"not in the model cache (CALLMONITOR_MODEL_CACHE={f.CacheDir})"));
            Assert.That(vosk.InstallHint, Does.Contain("curl -fL -o vosk-model-small-cn-0.22.zip https://alphacephei.com/vosk/models/vosk-model-small-cn-0.22.zip"));
            Assert.That(vosk.InstallHint, Does.Contain("3af8b0e7e0f835ae9d414ce5df580237a3cfb08d586c9fbbb0f7ff29ad5b14ba  vosk-model-small-cn-0.22.zip"));
            Assert.That(vosk.InstallHint, Does.Contain("./callmonitor models install vosk-model-small-cn-0.22"));
        });
    }

    [Test]
    [Category("RequiresModel")]
    public void GetStatus_ModelOnlyInCache_SaysSoAndHintsTheInstallCommand()
    {
        using var f = new StoreFixture();
        var cached = SharedModels.CopyToCache(SharedModels.Kws, f.CacheDir!);

        var status = f.Store.GetStatus(SharedModels.Kws);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(ModelState.Missing));
            Assert.That(status.Detail, Does.Contain($"the model cache has it: {cached}"));
            Assert.That(status.InstallHint, Does.StartWith($"./callmonitor models install {SharedModels.Kws}"));
        });
    }

    [Test]
    public void GetStatus_NoCacheConfigured_SaysTheVariableIsNotSet()
    {
        using var f = new StoreFixture(withCache: false);

        Assert.That(f.Store.GetStatus(SharedModels.Vad).Detail, Does.Contain("CALLMONITOR_MODEL_CACHE is not set"));
    }

    [Test]
    public void GetStatus_UnknownName_Throws()
    {
        using var f = new StoreFixture();

        Assert.That(() => f.Store.GetStatus("no-such-model"), Throws.TypeOf<UnknownModelException>());
    }

    [Test]
    public void TryGetPath_NotInstalled_IsNull()
    {
        using var f = new StoreFixture();

        Assert.That(f.Store.TryGetPath(SharedModels.Vad), Is.Null);
    }
}
