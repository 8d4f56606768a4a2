using CallMonitor.Engines.SherpaOnnx.Kws;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Kws;

/// <summary>Phrases spelled into keywords against small token tables written by each test.</summary>
[TestFixture]
public sealed class KeywordBuilderTests
{
    // Tokens for 不清楚 (bù qīng chǔ), 谁 (shéi / shuí) and 喂 (wèi); the model spells finals with tone marks.
    private static readonly string[] FullSet = ["b", "ù", "q", "īng", "ch", "ǔ", "sh", "éi", "uí", "w", "èi", "ú", "ū", "ì", "í"];

    private string _dir = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "kw-builder-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Build_BuQingChu_FirstLineIsTheCitationSpelling()
    {
        var result = Builder(FullSet).Build(["不清楚"]);

        Assert.Multiple(() =>
        {
            Assert.That(KeywordLineFormat.Format(result.Specs[0]), Is.EqualTo("b ù q īng ch ǔ @不清楚"));
            Assert.That(result.Specs.Select(s => s.Phrase), Has.All.EqualTo("不清楚"));
        });
    }

    [Test]
    public void Build_Shei_GivesBothReadingsUnderOnePhrase()
    {
        var lines = Builder(FullSet).Build(["谁"]).Specs.Select(KeywordLineFormat.Format).ToArray();

        Assert.That(lines, Is.EquivalentTo(new[] { "sh éi @谁", "sh uí @谁" }));
    }

    [Test]
    public void Build_SpellingWithUnknownToken_DroppedAndReported()
    {
        var result = Builder(FullSet.Where(t => t != "uí")).Build(["谁"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Specs.Select(s => s.TokenText), Is.EqualTo(new[] { "sh éi" }));
            Assert.That(result.Warnings, Has.Count.EqualTo(1));
            Assert.That(result.Warnings[0], Does.Contain("谁").And.Contain("'uí'"));
        });
    }

    [Test]
    public void Build_NoSpellingTheModelKnows_ThrowsNamingThePhrase()
    {
        var builder = Builder(FullSet.Where(t => t is not ("éi" or "uí")));

        var ex = Assert.Throws<KeywordSpellingException>(() => builder.Build(["不清楚", "谁"]));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Phrase, Is.EqualTo("谁"));
            Assert.That(ex.Message, Does.Contain("谁").And.Contain("éi"));
        });
    }

    [TestCase("OK不清楚", 'O')]
    [TestCase("不 清楚", ' ')]
    [TestCase("不清楚2", '2')]
    public void Build_PhraseWithNonChineseCharacter_ThrowsNamingPhraseAndCharacter(string phrase, char culprit)
    {
        var ex = Assert.Throws<KeywordSpellingException>(() => Builder(FullSet).Build([phrase]));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Phrase, Is.EqualTo(phrase));
            Assert.That(ex.Message, Does.Contain($"'{phrase}'").And.Contain($"'{culprit}'"));
        });
    }

    [Test]
    public void Build_PerPhraseThreshold_GoesToEverySpellingOfThatPhraseOnly()
    {
        var result = Builder(FullSet).Build([new KeywordPhrase("喂", Threshold: 0.6f, Boost: 0.5f), new KeywordPhrase("谁")]);

        var wei = result.Specs.Where(s => s.Phrase == "喂").ToArray();
        var shei = result.Specs.Where(s => s.Phrase == "谁").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(wei, Is.Not.Empty);
            Assert.That(wei.Select(s => s.Threshold), Has.All.EqualTo(0.6f));
            Assert.That(wei.Select(s => s.Boost), Has.All.EqualTo(0.5f));
            Assert.That(KeywordLineFormat.Format(wei[0]), Does.Contain("#0.6").And.EndWith("@喂"));
            Assert.That(shei.Select(s => s.Threshold), Has.All.Null);
        });
    }

    [Test]
    public void Build_ThresholdOutsideZeroToOne_Throws()
    {
        Assert.That(
            () => Builder(FullSet).Build([new KeywordPhrase("谁", Threshold: 1.5f)]),
            Throws.InstanceOf<ArgumentException>().With.Message.Contains("谁"));
    }

    [Test]
    public void Build_PhraseListedTwice_KeptOnceWithWarning()
    {
        var once = Builder(FullSet).Build(["谁"]);
        var twice = Builder(FullSet).Build(["谁", "谁"]);

        Assert.Multiple(() =>
        {
            Assert.That(twice.Specs.Select(KeywordLineFormat.Format), Is.EqualTo(once.Specs.Select(KeywordLineFormat.Format)));
            Assert.That(twice.Warnings, Has.Count.EqualTo(once.Warnings.Count + 1));
        });
    }

    [Test]
    public void Build_EveryToken_IsInTheTable()
    {
        var table = FullSet.ToHashSet(StringComparer.Ordinal);

        var result = Builder(FullSet).Build(["不清楚", "谁", "喂"]);

        Assert.That(result.Specs.SelectMany(s => s.Tokens).Distinct(), Is.SubsetOf(table));
    }

    private KeywordBuilder Builder(IEnumerable<string> tokens)
    {
        var path = Path.Combine(_dir, $"tokens-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, tokens.Prepend("<blk>").Select((t, i) => $"{t} {i}"));
        return KeywordBuilder.FromTokensFile(path);
    }
}
