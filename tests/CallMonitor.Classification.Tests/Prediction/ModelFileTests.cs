using System.IO.Compression;

namespace CallMonitor.Classification.Tests.Prediction;

public sealed class ModelFileTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"cm-classifier-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void SaveThenLoad_SameProbabilitiesVersionAndFigures()
    {
        var path = Path.Combine(_dir, "nested", RudeUtteranceClassifier.DefaultFileName);
        SharedModel.Instance.Save(path);
        using var loaded = RudeUtteranceClassifier.Load(path);
        var texts = UnseenSentences.All.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(texts.Select(t => loaded.Predict(t).Probability), Is.EqualTo(texts.Select(t => SharedModel.Classifier.Predict(t).Probability)));
            Assert.That(loaded.Version, Is.EqualTo(SharedModel.Instance.Info.Version));
            Assert.That(loaded.Info.HeldOut, Is.EqualTo(SharedModel.Instance.Evaluation.Counts));
            Assert.That(loaded.ModelPath, Is.EqualTo(Path.GetFullPath(path)));
            Assert.That(loaded.Threshold, Is.EqualTo(SharedModel.Instance.Info.Options.DecisionThreshold));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Has.Length.EqualTo(1), "no temporary file left behind");
        });
    }

    [Test]
    public void Load_ThresholdOverride_DecidesTheVerdict()
    {
        var path = SavedModel();
        using var strict = RudeUtteranceClassifier.Load(path, threshold: 0.999f);
        using var lax = RudeUtteranceClassifier.Load(path, threshold: 0.001f);
        const string text = "请您稍等";
        var p = strict.Predict(text).Probability;
        Assert.Multiple(() =>
        {
            Assert.That(strict.Threshold, Is.EqualTo(0.999f));
            Assert.That(strict.Predict(text).IsRude, Is.EqualTo(p >= 0.999f));
            Assert.That(lax.Predict(text).IsRude, Is.EqualTo(p >= 0.001f));
            Assert.That(lax.Predict(text).Probability, Is.EqualTo(p));
        });
    }

    [Test]
    public void Load_MissingFile_MissingProblemNamingThePath()
    {
        var path = Path.Combine(_dir, "absent.zip");
        var ex = Assert.Throws<ClassifierModelException>(() => RudeUtteranceClassifier.Load(path));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Problem, Is.EqualTo(ClassifierModelProblem.Missing));
            Assert.That(ex.ModelPath, Is.EqualTo(path));
            Assert.That(ex.Message, Does.Contain(path).And.Contain("train-classifier"));
        });
    }

    [Test]
    public void Load_NotAZip_CorruptProblem()
    {
        var path = Path.Combine(_dir, "garbage.zip");
        File.WriteAllText(path, "this is not a model");
        var ex = Assert.Throws<ClassifierModelException>(() => RudeUtteranceClassifier.Load(path));
        Assert.That(ex!.Problem, Is.EqualTo(ClassifierModelProblem.Corrupt));
    }

    [Test]
    public void Load_TruncatedModel_CorruptProblem()
    {
        var good = File.ReadAllBytes(SavedModel());
        var path = Path.Combine(_dir, "truncated.zip");
        File.WriteAllBytes(path, good[..(good.Length / 2)]);
        var ex = Assert.Throws<ClassifierModelException>(() => RudeUtteranceClassifier.Load(path));
        Assert.That(ex!.Problem, Is.EqualTo(ClassifierModelProblem.Corrupt));
    }

    [Test]
    public void Load_ModelWithDamagedMlNetPart_CorruptProblem()
    {
        var path = SavedModel();
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var predictor = archive.Entries.First(e => e.FullName.EndsWith("Predictor/Model.key", StringComparison.Ordinal));
            predictor.Delete();
        }

        var ex = Assert.Throws<ClassifierModelException>(() => RudeUtteranceClassifier.Load(path));
        Assert.That(ex!.Problem, Is.EqualTo(ClassifierModelProblem.Corrupt));
    }

    [Test]
    public void Load_ZipWithoutCallMonitorEntry_IncompatibleProblem()
    {
        var path = Path.Combine(_dir, "other.zip");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("some other zip");
        }

        var ex = Assert.Throws<ClassifierModelException>(() => RudeUtteranceClassifier.Load(path));
        Assert.That(ex!.Problem, Is.EqualTo(ClassifierModelProblem.Incompatible));
    }

    [Test]
    public void Load_FutureFormatVersion_IncompatibleProblem()
    {
        var path = SavedModel();
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry("callmonitor/classifier.json")!;
            string json;
            using (var reader = new StreamReader(entry.Open()))
            {
                json = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry("callmonitor/classifier.json").Open());
            writer.Write(json.Replace("\"FormatVersion\": 1", "\"FormatVersion\": 99", StringComparison.Ordinal));
        }

        var ex = Assert.Throws<ClassifierModelException>(() => RudeUtteranceClassifier.Load(path));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Problem, Is.EqualTo(ClassifierModelProblem.Incompatible));
            Assert.That(ex.Message, Does.Contain("99"));
        });
    }

    [Test]
    public void Predict_AfterDispose_ThrowsObjectDisposed()
    {
        var classifier = RudeUtteranceClassifier.Load(SavedModel());
        classifier.Dispose();
        Assert.Throws<ObjectDisposedException>(() => classifier.Predict("您好"));
    }

    private string SavedModel()
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.zip");
        SharedModel.Instance.Save(path);
        return path;
    }
}
