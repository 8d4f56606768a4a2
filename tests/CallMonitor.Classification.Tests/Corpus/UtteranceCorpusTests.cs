using System.Text.RegularExpressions;
using CallMonitor.Chinese.Normalization;
using CallMonitor.TestKit.Assets;

namespace CallMonitor.Classification.Tests.Corpus;

public sealed partial class UtteranceCorpusTests
{
    private const string Header = "label\tcategory\ttext\torigin";

    [Test]
    public void Embedded_ProjectCorpus_IsLargeAndBalanced()
    {
        var corpus = UtteranceCorpus.Embedded;
        var rudeShare = (double)corpus.RudeCount / corpus.Count;
        Assert.Multiple(() =>
        {
            Assert.That(corpus.Count, Is.GreaterThanOrEqualTo(600));
            Assert.That(rudeShare, Is.InRange(0.35, 0.65), "rude share");
        });
    }

    [Test]
    public void Embedded_EveryLine_HasCategoryOriginAndText()
    {
        var corpus = UtteranceCorpus.Embedded;
        Assert.Multiple(() =>
        {
            foreach (var u in corpus.Utterances)
            {
                Assert.That(u.Category, Is.Not.Empty, $"line {u.LineNumber}");
                Assert.That(u.Origin, Does.Match(OriginPattern()), $"line {u.LineNumber}");
                Assert.That(ChineseTextNormalizer.Normalize(u.Text).Text, Is.Not.Empty, $"line {u.LineNumber}");
            }
        });
    }

    [Test]
    public void Embedded_StandardCategories_NeverCarryRudeLabel()
    {
        // Category names say which side they are on: the standard ones start with "standard" or "service".
        var mislabelled = UtteranceCorpus.Embedded.Utterances
            .Where(u => u.IsRude == (u.Category.StartsWith("standard", StringComparison.Ordinal) || u.Category.StartsWith("service", StringComparison.Ordinal)))
            .Select(u => $"line {u.LineNumber}: {u.Label} {u.Category}");
        Assert.That(mislabelled, Is.Empty);
    }

    [Test]
    public void Embedded_Texts_AreUniqueAfterNormalisation()
    {
        var duplicates = UtteranceCorpus.Embedded.Utterances
            .GroupBy(u => ChineseTextNormalizer.Normalize(u.Text).Text)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g.Select(u => $"{u.LineNumber}:{u.Text}")));
        Assert.That(duplicates, Is.Empty);
    }

    [Test]
    public void Embedded_SeedOrigins_NameSeedFilesThatExist()
    {
        var seeds = Path.Combine(SharedAssets.RootOrNull ?? string.Empty, "seeds");
        if (SharedAssets.RootOrNull is null || !Directory.Exists(seeds))
        {
            Assert.Ignore("../shared/seeds not found: set CALLMONITOR_SHARED or put a 'shared' folder beside an ancestor of the test directory");
        }

        var fromSeeds = UtteranceCorpus.Embedded.Utterances.Where(u => u.Origin != "written").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(fromSeeds.Select(u => u.Origin.Split(' ')[0]).Distinct().Count(), Is.GreaterThanOrEqualTo(4), "seed files used");
            foreach (var u in fromSeeds)
            {
                Assert.That(File.Exists(Path.Combine(seeds, u.Origin.Split(' ')[0])), Is.True, $"line {u.LineNumber}: {u.Origin}");
            }
        });
    }

    [Test]
    public void Parse_UnknownLabel_NamesTheLine()
    {
        var text = $"# comment\n{Header}\nrude\t推诿\t这不关我的事\twritten\npolite\tx\t您好\twritten\n";
        var ex = Assert.Throws<UtteranceCorpusException>(() => UtteranceCorpus.Parse(new StringReader(text), "test.tsv"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.LineNumber, Is.EqualTo(4));
            Assert.That(ex.Message, Does.Contain("test.tsv").And.Contain("line 4").And.Contain("polite"));
        });
    }

    [Test]
    public void Parse_TraditionalSpellingOfEarlierLine_RejectedAsDuplicate()
    {
        var text = $"{Header}\nrude\t推诿\t这不关我的事\twritten\nrude\t推诿\t這不關我的事！\twritten\n";
        var ex = Assert.Throws<UtteranceCorpusException>(() => UtteranceCorpus.Parse(new StringReader(text), "test.tsv"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.LineNumber, Is.EqualTo(3));
            Assert.That(ex.Message, Does.Contain("line 2"));
        });
    }

    [TestCase("rude\t推诿\t这不关我的事\n", 2, "fields")]
    [TestCase("rude\t\t这不关我的事\twritten\n", 2, "category")]
    [TestCase("rude\t推诿\t！？\twritten\n", 2, "normalisation")]
    public void Parse_MalformedRow_NamesLineAndProblem(string row, int line, string problem)
    {
        var ex = Assert.Throws<UtteranceCorpusException>(() => UtteranceCorpus.Parse(new StringReader(Header + "\n" + row), "t.tsv"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.LineNumber, Is.EqualTo(line));
            Assert.That(ex.Message, Does.Contain(problem));
        });
    }

    [Test]
    public void Parse_MissingHeader_Rejected()
    {
        var ex = Assert.Throws<UtteranceCorpusException>(() => UtteranceCorpus.Parse(new StringReader("rude\t推诿\t这不关我的事\twritten\n"), "t.tsv"));
        Assert.That(ex!.Message, Does.Contain("header"));
    }

    [Test]
    public void Load_MissingFile_ThrowsTypedErrorWithPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-corpus-{Guid.NewGuid():N}.tsv");
        var ex = Assert.Throws<UtteranceCorpusException>(() => UtteranceCorpus.Load(path));
        Assert.That(ex!.Message, Does.Contain(path));
    }

    [Test]
    public void Load_FileOnDisk_ReadsSameUtterancesAsParse()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corpus-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, $"{Header}\nrude\t推诿\t这不关我的事\twritten\nstandard\tstandard-greeting\t您好\twritten\n");
        try
        {
            var corpus = UtteranceCorpus.Load(path);
            Assert.Multiple(() =>
            {
                Assert.That(corpus.Utterances.Select(u => u.Text), Is.EqualTo(new[] { "这不关我的事", "您好" }));
                Assert.That(corpus.RudeCount, Is.EqualTo(1));
                Assert.That(corpus.Utterances[1].LineNumber, Is.EqualTo(3));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"^(written|\d{3}_[0-9a-f]{16}\.txt \S.*)$")]
    private static partial Regex OriginPattern();
}
