using CallMonitor.Domain.Errors;
using CallMonitor.Engines.Vosk.Model;
using CallMonitor.Engines.Vosk.Recognition;
using CallMonitor.Engines.Vosk.Tests.Support;

namespace CallMonitor.Engines.Vosk.Tests.Model;

// Bad model folders against the real library: each must end in an EngineUnavailableException that says what to
// do, never in a crash or a half-built engine.
public class VoskEngineModelErrorTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        VoskTestAssets.RequireLibrary();
        _dir = Directory.CreateTempSubdirectory("vosk-model-").FullName;
    }

    [TearDown]
    public void TearDown()
    {
        if (_dir is not null && Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Test]
    public void Constructor_MissingFolder_SaysItDoesNotExistAndHowToInstall()
    {
        var missing = Path.Combine(_dir, "nope");

        var ex = Assert.Throws<EngineUnavailableException>(() => new VoskEngine(new VoskSettings { ModelPath = missing }));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Engine, Is.EqualTo("vosk"));
            Assert.That(ex.Message, Does.Contain(missing).And.Contain("does not exist").And.Contain(VoskModelDirectory.ModelVariable));
        });
    }

    [Test]
    public void Constructor_EmptyFolder_SaysNotAVoskModelListingMissingFiles()
    {
        var ex = Assert.Throws<EngineUnavailableException>(() => new VoskEngine(new VoskSettings { ModelPath = _dir }));

        Assert.That(ex!.Message, Does.Contain("not a Vosk model").And.Contain(Path.Combine("am", "final.mdl")).And.Contain("mfcc.conf"));
    }

    [Test]
    public void Constructor_ModelFilesUnreadable_LibraryReturnsNullAndWeSayWhichFolder()
    {
        foreach (var file in new[] { "am/final.mdl", "conf/mfcc.conf", "conf/model.conf", "graph/HCLr.fst", "graph/Gr.fst" })
        {
            var path = Path.Combine(_dir, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.EndsWith(".conf", StringComparison.Ordinal) ? string.Empty : "not a kaldi file");
        }

        var ex = Assert.Throws<EngineUnavailableException>(() => new VoskEngine(new VoskSettings { ModelPath = _dir }));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("could not load the model").And.Contain(_dir));
            Assert.That(VoskModelRegistry.LeaseCount(_dir), Is.Zero, "a failed load leaves nothing registered");
        });
    }

    [Test]
    public void MissingFiles_LookaheadLayout_Accepted()
    {
        foreach (var file in new[] { "am/final.mdl", "conf/mfcc.conf", "graph/HCLr.fst", "graph/Gr.fst" })
        {
            var path = Path.Combine(_dir, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "x");
        }

        Assert.That(VoskModelDirectory.MissingFiles(_dir), Is.Empty);
    }

    [Test]
    public void Constructor_InvalidSettings_ThrowsArgumentBeforeTouchingTheModel() =>
        Assert.Throws<ArgumentException>(() => new VoskEngine(new VoskSettings { ModelPath = _dir, MaxAlternatives = -1 }));
}
