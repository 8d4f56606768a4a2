using System.Text.RegularExpressions;
using CallMonitor.Chinese.Matching;
using CallMonitor.Chinese.Normalization;
using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Tests.Packs;

/// <summary>The default pack's phrases against the seed standards and the phrases issue 4 lists.</summary>
public sealed partial class DefaultPackPhraseTests
{
    private static RulePack Pack => RulePack.Default;

    // The forbidden phrases issue 4 section 1 names, as an agent would say them.
    [TestCase("喂，你说吧")]
    [TestCase("嘿，听得到吗")]
    [TestCase("这个我不清楚")]
    [TestCase("我不知道")]
    [TestCase("我不明白你在说什么")]
    [TestCase("你问我，我问谁？")]
    [TestCase("我没办法")]
    [TestCase("这个没法查")]
    [TestCase("这不关我的事")]
    [TestCase("这不是我的错")]
    [TestCase("你自己看着办吧")]
    [TestCase("你到底想怎么样？")]
    [TestCase("有意见找领导去")]
    [TestCase("要告就告去！")]
    [TestCase("用不起就别用")]
    [TestCase("你有没有搞错")]
    [TestCase("你怎么这么罗嗦")]
    [TestCase("我要下班了")]
    [TestCase("你明天再打来")]
    [TestCase("这事不归我管")]
    [TestCase("有本事就投诉我")]
    public void ForbiddenPhrase_IssueExample_AgentRuleFires(string utterance)
    {
        var firing = PackCoverage.FiringRules(Pack, utterance);

        Assert.That(firing, Is.Not.Empty, $"no forbidden_phrase rule covers '{utterance}'");
    }

    // Polite sentences that contain a forbidden word: the context exceptions keep them quiet.
    [TestCase("您还有什么不清楚的地方吗？")]
    [TestCase("如有不明白的请随时来电")]
    [TestCase("我帮您确认一下您是否知道")]
    [TestCase("对不起，您的电话杂音太大，我这边听不清楚")]
    [TestCase("不知道您现在是否方便？")]
    [TestCase("非常抱歉，听不明白您说的话，请您稍等")]
    [TestCase("您好，很高兴为您服务，请问有什么可以帮您？")]
    [TestCase("请问还有什么可以帮您？感谢您的来电，再见！")]
    public void ForbiddenPhrase_PoliteSentence_NoRuleFires(string utterance)
    {
        Assert.That(PackCoverage.FiringRules(Pack, utterance), Is.Empty);
    }

    [Test]
    public void ForbiddenPhrase_SameWordOutsideTheException_Fires()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PackCoverage.FiringRules(Pack, "您还有什么不清楚的地方吗？我也不清楚"), Does.Contain("forbidden.shirking"));
            Assert.That(PackCoverage.FiringRules(Pack, "这个我不明白"), Does.Contain("forbidden.shirking"));
        });
    }

    [Test]
    public void Address_InsideASentence_DoesNotFireButAtTheStartDoes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PackCoverage.FiringRules(Pack, "您家的猫要按时喂"), Does.Not.Contain("forbidden.address"));
            Assert.That(PackCoverage.FiringRules(Pack, "喂？说话呀"), Does.Contain("forbidden.address"));
        });
    }

    [Test]
    public void OneSyllableAddresses_HaveHigherKwsThresholdAndStartPosition()
    {
        var phrases = Pack.Find("forbidden.address")!.Phrases("phrases");

        Assert.Multiple(() =>
        {
            Assert.That(phrases.Select(p => p.Text), Is.EquivalentTo(new[] { "喂", "嘿" }));
            Assert.That(phrases.Select(p => p.KwsThreshold), Is.All.EqualTo(0.45f));
            Assert.That(phrases.Select(p => p.Anchor), Is.All.EqualTo(PhraseAnchor.TextStart));
        });
    }

    [Test]
    public void TraditionalOnlySeedPhrase_Normalised_IsInPackWithOriginalForDisplay()
    {
        const string Traditional = "你煩不煩";
        var simplified = ChineseTextNormalizer.Normalize(Traditional).Text;
        var seeds = Directory.GetFiles(SeedDocuments.RequireFolder(), "*.txt").Select(File.ReadAllText).ToList();
        var phrase = Pack.OfType(RuleType.ForbiddenPhrase).SelectMany(r => r.Phrases("phrases")).FirstOrDefault(p => p.Text == simplified);

        Assert.Multiple(() =>
        {
            Assert.That(simplified, Is.EqualTo("你烦不烦"));
            Assert.That(seeds.Any(s => s.Contains(Traditional, StringComparison.Ordinal)), Is.True, "the seeds write it in traditional characters");
            Assert.That(seeds.Any(s => s.Contains(simplified, StringComparison.Ordinal)), Is.False, "no seed writes it in simplified characters");
            Assert.That(phrase?.Display, Is.EqualTo(Traditional));
            Assert.That(PackCoverage.FiringRules(Pack, "你烦不烦啊"), Is.Not.Empty);
        });
    }

    [Test]
    public void Seed002ForbiddenList_EveryEntry_IsCovered()
    {
        var section = SeedDocuments.Section("002_5f1500298dcb21ec.txt", "(二)、服務(wù)忌語", "(三)、基本規(guī)范");
        var entries = WithoutPinyin(section).Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.That(entries, Has.Length.GreaterThan(30));
        AssertEveryEntryFires(entries);
    }

    [TestCase("(3)态度傲慢、厌烦", "(4)推诿客户")]
    [TestCase("(4)推诿客户", "4、不同情况下")]
    [TestCase("(2)责问、训斥或反问客户", "(3)态度傲慢")]
    public void Seed001ForbiddenList_EveryNumberedItem_IsCovered(string start, string end)
    {
        var section = SeedDocuments.Section("001_40f0aef2a57d9914.txt", start, end);
        var items = CircledNumber().Split(section).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

        Assert.That(items, Has.Count.GreaterThanOrEqualTo(3));
        AssertEveryEntryFires(items);
    }

    [Test]
    public void Seed001BareRetorts_EachQuestion_IsCovered()
    {
        var section = SeedDocuments.Section("001_40f0aef2a57d9914.txt", "(2)责问、训斥或反问客户①", "②");
        var questions = section.Split('?', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.That(questions, Has.Length.EqualTo(6));
        AssertEveryEntryFires(questions);
    }

    [Test]
    public void FillerWords_Seed000Habits_AreAllListed()
    {
        var clause = SeedDocuments.Section("000_7a2e9ff7c9a0bf2e.txt", "没有", "等口语");
        var habits = Quoted().Matches(clause).Select(m => m.Groups[1].Value).ToList();
        var fillers = Pack.Find("voice.filler_words")!.Phrases("fillers").Select(p => p.Text).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(habits, Is.EquivalentTo(new[] { "啊", "唉", "恩" }));
            Assert.That(fillers, Is.SupersetOf(habits));
        });
    }

    [Test]
    public void PoliteWordsMetric_Seed000PoliteWords_AreAllCounted()
    {
        var clause = SeedDocuments.Section("000_7a2e9ff7c9a0bf2e.txt", "恰当运用", "等礼貌用语");
        var words = Quoted().Matches(clause).Select(m => m.Groups[1].Value).ToList();
        var counted = Pack.Metric("polite_words")!.Phrases.Select(p => p.Text).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(words, Has.Count.EqualTo(5));
            Assert.That(counted, Is.SupersetOf(words));
        });
    }

    [TestCase("我要投诉你们")]
    [TestCase("叫你们领导来接电话")]
    [TestCase("你们服务太差了")]
    [TestCase("我要打12315")]
    public void EscalationCue_CustomerComplaint_Fires(string utterance)
    {
        var rules = PackCoverage.FiringRules(Pack, utterance, RuleType.EscalationCue);

        Assert.Multiple(() =>
        {
            Assert.That(rules, Is.Not.Empty);
            Assert.That(rules.Select(id => Pack.Find(id)!.Role), Is.All.EqualTo(Domain.Calls.SpeakerRole.Customer));
        });
    }

    [Test]
    public void EveryPhrase_IsStoredNormalised()
    {
        var phrases = Pack.Rules.SelectMany(r => r.PhraseSets.Values.SelectMany(s => s.Phrases).Concat(r.Exceptions));

        Assert.Multiple(() =>
        {
            foreach (var phrase in phrases)
            {
                Assert.That(phrase.Text, Is.EqualTo(ChineseTextNormalizer.Normalize(phrase.Display).Text), phrase.Display);
            }
        });
    }

    [Test]
    public void ShirkingPhrase_CarriesOnlyExceptionsThatContainIt()
    {
        var phrases = Pack.Find("forbidden.shirking")!.Phrases("phrases");
        var unclear = phrases.Single(p => p.Text == "不清楚");
        var unknown = phrases.Single(p => p.Text == "不知道");

        Assert.Multiple(() =>
        {
            Assert.That(unclear.Exceptions, Does.Contain("您还有什么不清楚的地方吗"));
            Assert.That(unclear.Exceptions, Is.All.Contain("不清楚"));
            Assert.That(unknown.Exceptions, Does.Not.Contain("您还有什么不清楚的地方吗"));
        });
    }

    private static void AssertEveryEntryFires(IEnumerable<string> entries)
    {
        Assert.Multiple(() =>
        {
            foreach (var entry in entries)
            {
                Assert.That(PackCoverage.FiringRules(Pack, entry), Is.Not.Empty, $"seed entry '{entry}' is not covered");
            }
        });
    }

    // The crawled 002 text carries pinyin glosses after some characters: 點(diǎn).
    private static string WithoutPinyin(string text) => PinyinGloss().Replace(text, string.Empty);

    [GeneratedRegex(@"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")]
    private static partial Regex PinyinGloss();

    [GeneratedRegex("[①②③④⑤⑥⑦⑧⑨]")]
    private static partial Regex CircledNumber();

    [GeneratedRegex("“([^”]+)”")]
    private static partial Regex Quoted();
}
