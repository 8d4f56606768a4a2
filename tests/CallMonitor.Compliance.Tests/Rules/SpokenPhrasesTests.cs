using CallMonitor.Chinese.Normalization;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;

namespace CallMonitor.Compliance.Tests.Rules;

public sealed class SpokenPhrasesTests
{
    private static readonly IReadOnlyList<SpokenPhrase> Spoken = RulePack.Default.SpokenPhrases();

    [TestCase("不清楚", "forbidden_phrase", SpeakerRole.Agent)]
    [TestCase("有本事就投诉我", "forbidden_phrase", SpeakerRole.Agent)]
    [TestCase("您好", "missing_greeting", SpeakerRole.Agent)]
    [TestCase("有什么可以帮您", "missing_greeting", SpeakerRole.Agent)]
    [TestCase("上午好", "missing_greeting", SpeakerRole.Agent)]
    [TestCase("新年好", "missing_greeting", SpeakerRole.Agent)]
    [TestCase("感谢您的来电", "missing_closing", SpeakerRole.Agent)]
    [TestCase("再见", "missing_closing", SpeakerRole.Agent)]
    [TestCase("请您稍等", "long_silence", SpeakerRole.Agent)]
    [TestCase("投诉", "escalation_cue", SpeakerRole.Customer)]
    [TestCase("你们领导", "escalation_cue", SpeakerRole.Customer)]
    public void SpokenPhrases_Default_ListsPhraseForRuleTypeOnRole(string text, string ruleType, SpeakerRole role)
    {
        var matches = Spoken.Where(p => p.Text == text && p.RuleType == ruleType).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(matches, Is.Not.Empty, $"{text} not offered for {ruleType}");
            Assert.That(matches.Select(m => m.Role), Is.All.EqualTo(role));
            Assert.That(matches.Select(m => RulePack.Default.Find(m.RuleId)?.TypeName), Is.All.EqualTo(ruleType));
        });
    }

    [Test]
    public void SpokenPhrases_Default_AreSimplifiedHanOnly()
    {
        Assert.Multiple(() =>
        {
            foreach (var phrase in Spoken)
            {
                Assert.That(phrase.Text.All(c => c is >= '\u3400' and <= '\u9FFF'), Is.True, $"'{phrase.Text}' has non-Han characters");
                Assert.That(ChineseTextNormalizer.Normalize(phrase.Text).Text, Is.EqualTo(phrase.Text), $"'{phrase.Text}' is not normalised");
            }
        });
    }

    [Test]
    public void SpokenPhrases_OneSyllableAddress_CarriesItsHigherThreshold()
    {
        var wei = Spoken.Single(p => p.Text == "喂");

        Assert.Multiple(() =>
        {
            Assert.That(wei.KwsThreshold, Is.EqualTo(0.45f));
            Assert.That(wei.RuleId, Is.EqualTo("forbidden.address"));
            Assert.That(Spoken.Where(p => p.Text == "不清楚").Select(p => p.KwsThreshold), Is.All.Null);
        });
    }

    [Test]
    public void SpokenPhrases_FillerWordsAndPatterns_AreLeftToTheTranscript()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Spoken.Where(p => p.RuleType == "filler_word"), Is.Empty);
            Assert.That(Spoken.Where(p => p.Text == "什么"), Is.Empty, "the bare-retort pattern is a regex");
        });
    }

    [Test]
    public void SpokenPhrases_ContextExceptions_AreListedAsExceptions()
    {
        var exception = Spoken.Single(p => p.Text == "您还有什么不清楚的地方吗");

        Assert.Multiple(() =>
        {
            Assert.That(exception.Set, Is.EqualTo("exceptions"));
            Assert.That(exception.RuleId, Is.EqualTo("forbidden.shirking"));
            Assert.That(Spoken.Single(p => p.Text == "不清楚").Set, Is.EqualTo("phrases"));
        });
    }

    [Test]
    public void SpokenPhrases_EveryLiteralForbiddenPhrase_IsOffered()
    {
        var literal = RulePack.Default.OfType(RuleType.ForbiddenPhrase)
            .SelectMany(r => r.Phrases("phrases").Select(p => (r.Id, p.Text)));
        var offered = Spoken.Select(p => (p.RuleId, p.Text)).ToHashSet();

        Assert.That(literal.Where(l => !offered.Contains(l)), Is.Empty);
    }
}
