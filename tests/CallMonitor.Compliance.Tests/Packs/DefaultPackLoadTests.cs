using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Tests.Packs;

public sealed class DefaultPackLoadTests
{
    [Test]
    public void Default_Loaded_HasIdSemanticVersionAndLocale()
    {
        var pack = RulePack.Default;

        Assert.Multiple(() =>
        {
            Assert.That(pack.Id, Is.EqualTo("callmonitor.default"));
            Assert.That(pack.Version, Does.Match(@"^\d+\.\d+\.\d+$"));
            Assert.That(pack.Locale, Is.EqualTo("zh-CN"));
            Assert.That(pack.Rules, Is.Not.Empty);
        });
    }

    [Test]
    public void Default_AskedTwice_IsLoadedOnce()
    {
        var first = RulePack.Default;
        var second = RulePack.Default;

        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void Default_Rules_CoverEveryRuleType()
    {
        var present = RulePack.Default.Rules.Select(r => r.TypeName).ToHashSet();

        Assert.That(RuleTypes.All.Where(t => !present.Contains(t)), Is.Empty, "rule types without a rule in the default pack");
    }

    [Test]
    public void Default_EveryRule_CitesAnExistingSeedDocumentAndClause()
    {
        var folder = SeedDocuments.RequireFolder();
        var pack = RulePack.Default;
        var cited = pack.Rules.SelectMany(r => r.Sources.Select(s => (Owner: r.Id, Source: s)))
            .Concat(pack.Metrics.SelectMany(m => m.Sources.Select(s => (Owner: m.Id, Source: s))))
            .Concat(pack.Scoring!.Sources.Select(s => (Owner: "scoring", Source: s)))
            .ToList();

        Assert.Multiple(() =>
        {
            foreach (var (owner, source) in cited)
            {
                Assert.That(File.Exists(Path.Combine(folder, source.Document)), Is.True, $"{owner} cites missing seed {source.Document}");
                Assert.That(source.Clause, Is.Not.Empty, $"{owner} cites {source.Document} without a clause");
            }
        });
    }

    [Test]
    public void Default_EveryRule_HasDescriptionAndRole()
    {
        Assert.Multiple(() =>
        {
            foreach (var rule in RulePack.Default.Rules)
            {
                Assert.That(rule.Description, Is.Not.Empty, rule.Id);
                Assert.That(rule.Role, Is.AnyOf(Domain.Calls.SpeakerRole.Agent, Domain.Calls.SpeakerRole.Customer), rule.Id);
            }
        });
    }

    [Test]
    public void Load_PackFileInSourceTree_EqualsEmbeddedDefault()
    {
        var file = FindPackFile();
        var fromFile = RulePackLoader.Load(file);

        Assert.Multiple(() =>
        {
            Assert.That(fromFile.SourceName, Is.EqualTo("default.zh-CN.yaml"));
            Assert.That(fromFile.Version, Is.EqualTo(RulePack.Default.Version));
            Assert.That(fromFile.Rules.Select(r => r.Id), Is.EqualTo(RulePack.Default.Rules.Select(r => r.Id)));
        });
    }

    [Test]
    public void Default_Collections_CannotBeChangedThroughCasts()
    {
        var pack = RulePack.Default;
        var rule = pack.Find("forbidden.shirking")!;

        Assert.Multiple(() =>
        {
            Assert.That(() => ((IList<Rule>)pack.Rules).Add(rule), Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => ((IList<RulePhrase>)rule.Phrases("phrases"))[0] = rule.Phrases("phrases")[1], Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => ((IDictionary<string, PhraseSet>)rule.PhraseSets).Remove("phrases"), Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => ((IList<string>)rule.Phrases("phrases")[0].Exceptions).Clear(), Throws.InstanceOf<NotSupportedException>());
        });
    }

    private static string FindPackFile()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "CallMonitor.Compliance", "Packs", "default.zh-CN.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Ignore("the source tree (src/CallMonitor.Compliance/Packs/default.zh-CN.yaml) is not above the test directory");
        return string.Empty;
    }
}
