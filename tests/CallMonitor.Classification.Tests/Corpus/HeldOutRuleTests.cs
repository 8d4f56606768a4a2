namespace CallMonitor.Classification.Tests.Corpus;

public sealed class HeldOutRuleTests
{
    [Test]
    public void Split_EmbeddedCorpus_DisjointAndCoversEverything()
    {
        var corpus = UtteranceCorpus.Embedded;
        var (train, test) = corpus.Split();
        var trainLines = train.Utterances.Select(u => u.LineNumber).ToHashSet();
        var testLines = test.Utterances.Select(u => u.LineNumber).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(trainLines.Overlaps(testLines), Is.False, "overlap");
            Assert.That(trainLines.Count + testLines.Count, Is.EqualTo(corpus.Count));
            Assert.That(train.Utterances.Select(u => u.Text).Intersect(test.Utterances.Select(u => u.Text)), Is.Empty);
        });
    }

    [Test]
    public void Split_CalledTwice_SameMembership()
    {
        var first = UtteranceCorpus.Embedded.Split().Test.Utterances.Select(u => u.LineNumber);
        var second = UtteranceCorpus.Embedded.Split().Test.Utterances.Select(u => u.LineNumber);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Split_ReorderedCorpus_SameTextsHeldOut()
    {
        var corpus = UtteranceCorpus.Embedded;
        var reversed = UtteranceCorpus.From("reversed", corpus.Utterances.Reverse());
        var expected = corpus.Split().Test.Utterances.Select(u => u.Text).Order(StringComparer.Ordinal);
        var actual = reversed.Split().Test.Utterances.Select(u => u.Text).Order(StringComparer.Ordinal);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Split_EmbeddedCorpus_HoldsOutAboutTheConfiguredShareOfEachLabel()
    {
        var corpus = UtteranceCorpus.Embedded;
        var (_, test) = corpus.Split();
        Assert.Multiple(() =>
        {
            Assert.That((double)test.Count / corpus.Count, Is.InRange(0.15, 0.25), "overall");
            Assert.That((double)test.RudeCount / corpus.RudeCount, Is.InRange(0.12, 0.28), "rude");
            Assert.That((double)test.StandardCount / corpus.StandardCount, Is.InRange(0.12, 0.28), "standard");
        });
    }

    [Test]
    public void Bucket_TraditionalSpacedAndSimplifiedSpellings_SameBucket()
    {
        Assert.Multiple(() =>
        {
            Assert.That(HeldOutRule.Bucket("這不關我的事！"), Is.EqualTo(HeldOutRule.Bucket("这不关我的事")));
            Assert.That(HeldOutRule.Bucket("这 不 关 我 的 事"), Is.EqualTo(HeldOutRule.Bucket("这不关我的事")));
        });
    }

    [Test]
    public void Bucket_ManyTexts_SpreadOverAllHundredBuckets()
    {
        var buckets = UtteranceCorpus.Embedded.Utterances.Select(u => HeldOutRule.Bucket(u.Text)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(buckets, Is.All.InRange(0, 99));
            Assert.That(buckets.Distinct().Count(), Is.GreaterThan(90));
        });
    }
}
