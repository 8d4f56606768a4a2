namespace CallMonitor.Classification.Tests.Training;

public sealed class ClassifierTrainerTests
{
    [Test]
    public void Train_EmbeddedCorpus_BeatsMajorityBaselineClearly()
    {
        var evaluation = SharedModel.Instance.Evaluation;
        var counts = evaluation.Counts;

        // The trivial classifiers on the same held-out set: always the majority label (accuracy), and always
        // "rude" (the best F1 a constant answer can get: precision = rude share, recall = 1).
        var rudeShare = (double)counts.ActualRude / counts.Total;
        var alwaysRudeF1 = 2 * rudeShare / (rudeShare + 1);
        Assert.Multiple(() =>
        {
            Assert.That(counts.Total, Is.EqualTo(UtteranceCorpus.Embedded.Split().Test.Count));
            Assert.That(evaluation.Accuracy, Is.GreaterThanOrEqualTo(evaluation.MajorityBaselineAccuracy + 0.2), "accuracy vs majority baseline");
            Assert.That(evaluation.F1, Is.GreaterThanOrEqualTo(alwaysRudeF1 + 0.15), "F1 vs always-rude");
            Assert.That(evaluation.Precision, Is.GreaterThan(rudeShare + 0.2), "precision vs rude share");
        });
    }

    [Test]
    public void Train_EmbeddedCorpus_FitsOnTrainingSplitOnly()
    {
        var (train, test) = UtteranceCorpus.Embedded.Split();
        var info = SharedModel.Instance.Info;
        Assert.Multiple(() =>
        {
            Assert.That(info.TrainingCount, Is.EqualTo(train.Count));
            Assert.That(info.HeldOutCount, Is.EqualTo(test.Count));
            Assert.That(info.HeldOut, Is.EqualTo(SharedModel.Instance.Evaluation.Counts));
            Assert.That(info.CorpusFingerprint, Is.EqualTo(UtteranceCorpus.Embedded.Fingerprint()));
        });
    }

    [Test]
    public void Train_HeldOutEvaluation_PerCategoryCountsAddUp()
    {
        var evaluation = SharedModel.Instance.Evaluation;
        var test = UtteranceCorpus.Embedded.Split().Test;
        Assert.Multiple(() =>
        {
            Assert.That(evaluation.PerCategory.Sum(c => c.Count), Is.EqualTo(test.Count));
            Assert.That(evaluation.PerCategory.Sum(c => c.Count - c.Correct), Is.EqualTo(evaluation.Mistakes.Count));
            Assert.That(evaluation.PerCategory.Select(c => c.Category), Is.EquivalentTo(test.Utterances.Select(u => u.Category).Distinct()));
            Assert.That(evaluation.Mistakes.Count, Is.EqualTo(evaluation.Counts.FalsePositives + evaluation.Counts.FalseNegatives));
            Assert.That(evaluation.Describe(), Does.Contain("precision").And.Contain("F1"));
        });
    }

    [Test]
    public void Train_SameCorpusAndOptionsTwice_SameProbabilities()
    {
        var small = SmallCorpus();
        using var first = ClassifierTrainer.Train(small);
        using var second = ClassifierTrainer.Train(small);
        var probes = new[] { "这事我不管", "请您稍等", "你自己看着办", "感谢您的来电" };
        Assert.That(probes.Select(p => second.Classifier.Predict(p).Probability), Is.EqualTo(probes.Select(p => first.Classifier.Predict(p).Probability)));
    }

    [Test]
    public void Train_OneLabelOnly_ThrowsNamingTheProblem()
    {
        var onlyRude = UtteranceCorpus.From("only-rude", UtteranceCorpus.Embedded.Utterances.Where(u => u.IsRude));
        var ex = Assert.Throws<ArgumentException>(() => ClassifierTrainer.Train(onlyRude));
        Assert.That(ex!.Message, Does.Contain("both labels"));
    }

    [TestCase(0, 0.01f, 0.5f)]
    [TestCase(6, 0.01f, 0.5f)]
    [TestCase(3, -1f, 0.5f)]
    [TestCase(3, float.NaN, 0.5f)]
    [TestCase(3, 0.01f, 1f)]
    [TestCase(3, 0.01f, 0f)]
    public void Train_InvalidOptions_RejectedBeforeTraining(int ngram, float l2, float threshold)
    {
        var options = new ClassifierTrainingOptions { MaxNgramLength = ngram, L2Regularization = l2, DecisionThreshold = threshold };
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassifierTrainer.Train(SmallCorpus(), options));
    }

    [Test]
    public void ConfusionCounts_KnownCounts_FiguresFollowTheirDefinitions()
    {
        var counts = new ConfusionCounts(TruePositives: 6, FalsePositives: 2, TrueNegatives: 10, FalseNegatives: 4);
        Assert.Multiple(() =>
        {
            Assert.That(counts.Precision, Is.EqualTo(6.0 / 8).Within(1e-12));
            Assert.That(counts.Recall, Is.EqualTo(6.0 / 10).Within(1e-12));
            Assert.That(counts.F1, Is.EqualTo(2 * 0.75 * 0.6 / 1.35).Within(1e-12));
            Assert.That(counts.Accuracy, Is.EqualTo(16.0 / 22).Within(1e-12));
            Assert.That(counts.MajorityBaselineAccuracy, Is.EqualTo(12.0 / 22).Within(1e-12));
            Assert.That(new ConfusionCounts(0, 0, 0, 0).F1, Is.Zero);
        });
    }

    // A slice of the real corpus, enough for both labels on both sides of the split, trained in well under a second.
    private static UtteranceCorpus SmallCorpus() =>
        UtteranceCorpus.From("small", UtteranceCorpus.Embedded.Utterances.Where((_, i) => i % 4 == 0));
}
