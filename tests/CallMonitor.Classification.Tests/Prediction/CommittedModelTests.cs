namespace CallMonitor.Classification.Tests.Prediction;

/// <summary>The model file the repository ships (models/classifier/rude-utterance.zip) must match the corpus.</summary>
public sealed class CommittedModelTests
{
    [Test]
    [Category("RequiresModel")]
    public void CommittedModel_Loads_AndWasTrainedOnTheCurrentCorpusWithTheDefaults()
    {
        var path = FindCommittedModel();
        if (path is null)
        {
            Assert.Ignore($"models/classifier/{RudeUtteranceClassifier.DefaultFileName} not found above {TestContext.CurrentContext.TestDirectory}: train it with 'callmonitor train-classifier'");
        }

        using var committed = RudeUtteranceClassifier.Load(path!);
        Assert.Multiple(() =>
        {
            Assert.That(committed.Info.CorpusFingerprint, Is.EqualTo(UtteranceCorpus.Embedded.Fingerprint()), "the corpus changed since the model was trained: retrain it");
            Assert.That(committed.Info.Options, Is.EqualTo(ClassifierTrainingOptions.Default), "the default options changed since the model was trained: retrain it");
            Assert.That(committed.Info.HeldOut, Is.EqualTo(SharedModel.Instance.Evaluation.Counts), "a fresh training gives other held-out counts");
        });
    }

    private static string? FindCommittedModel()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallMonitor.sln")))
            {
                var path = Path.Combine(dir.FullName, "models", "classifier", RudeUtteranceClassifier.DefaultFileName);
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
