using CallMonitor.Chinese.Normalization;
using CallMonitor.TestKit.Timeouts;

namespace CallMonitor.Classification.Tests.Prediction;

public sealed class PredictionTests
{
    [Test]
    public void UnseenSentences_NoneOfThem_AppearInTheCorpus()
    {
        var corpus = UtteranceCorpus.Embedded.Utterances.Select(u => ChineseTextNormalizer.Normalize(u.Text).Text).ToHashSet();
        Assert.That(UnseenSentences.All.Where(s => corpus.Contains(ChineseTextNormalizer.Normalize(s).Text)), Is.Empty);
    }

    [TestCaseSource(typeof(UnseenSentences), nameof(UnseenSentences.Rude))]
    public void Predict_UnseenRudeParaphrase_FlaggedRude(string text)
    {
        var verdict = SharedModel.Classifier.Predict(text);
        Assert.That(verdict.IsRude, Is.True, $"p = {verdict.Probability:0.00}");
    }

    [TestCaseSource(typeof(UnseenSentences), nameof(UnseenSentences.Standard))]
    public void Predict_UnseenStandardSentence_NotFlagged(string text)
    {
        var verdict = SharedModel.Classifier.Predict(text);
        Assert.That(verdict.IsRude, Is.False, $"p = {verdict.Probability:0.00}");
    }

    [TestCaseSource(typeof(UnseenSentences), nameof(UnseenSentences.PoliteWithRiskyCharacters))]
    public void Predict_PoliteSentenceWithRiskyCharacters_NotFlagged(string text)
    {
        var verdict = SharedModel.Classifier.Predict(text);
        Assert.That(verdict.IsRude, Is.False, $"p = {verdict.Probability:0.00}");
    }

    [Test]
    public void Predict_TraditionalFullWidthOrSpacedSpelling_SameProbabilityAsSimplified()
    {
        var classifier = SharedModel.Classifier;
        var simplified = classifier.Predict("你爱投诉就投诉，我无所谓").Probability;
        Assert.Multiple(() =>
        {
            Assert.That(classifier.Predict("你愛投訴就投訴，我無所謂").Probability, Is.EqualTo(simplified));
            Assert.That(classifier.Predict("你 爱 投诉 就 投诉 我 无所谓").Probability, Is.EqualTo(simplified));
            Assert.That(classifier.Predict("你爱投诉就投诉!!我无所谓。").Probability, Is.EqualTo(simplified));
        });
    }

    [Test]
    public void Predict_Verdict_IsProbabilityAtOrAboveThreshold()
    {
        var classifier = SharedModel.Classifier;
        var verdicts = UnseenSentences.All.Select(classifier.Predict).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(verdicts.Select(v => v.Probability), Is.All.InRange(0f, 1f));
            Assert.That(verdicts.Select(v => v.IsRude), Is.EqualTo(verdicts.Select(v => v.Probability >= classifier.Threshold)));
        });
    }

    [TestCase("")]
    [TestCase("！？。…")]
    [TestCase("   ")]
    public void Predict_NothingLeftAfterNormalisation_NotRude(string text)
    {
        Assert.That(SharedModel.Classifier.Predict(text), Is.EqualTo(new UtteranceVerdict(false, 0f)));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Predict_ManyConcurrentCallers_SameAnswersAsOneCaller()
    {
        var classifier = SharedModel.Classifier;
        var texts = UtteranceCorpus.Embedded.Utterances.Select(u => u.Text).Take(200).ToArray();
        var expected = texts.Select(t => classifier.Predict(t).Probability).ToArray();

        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
            Enumerable.Range(0, texts.Length).Select(i => (i + w * 25) % texts.Length)
                .Select(i => (Index: i, classifier.Predict(texts[i]).Probability))
                .ToList()));
        var results = await Task.WhenAll(workers).WithTimeout(what: "concurrent predictions");

        Assert.That(results.SelectMany(r => r).Where(r => r.Probability != expected[r.Index]), Is.Empty);
    }
}
