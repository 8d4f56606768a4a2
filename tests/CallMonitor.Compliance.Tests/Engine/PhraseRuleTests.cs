using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using static CallMonitor.Compliance.Tests.Engine.Calls;

namespace CallMonitor.Compliance.Tests.Engine;

/// <summary>forbidden_phrase and escalation_cue on final utterances, with the default pack.</summary>
public sealed class PhraseRuleTests
{
    private const string Forbidden = "forbidden_phrase";

    [Test]
    public void Accept_AgentSaysForbiddenPhrase_ConfirmedViolationWithTimesAndEvidence()
    {
        var emitted = Run(Agent(10, 14, "这个问题我不清楚。"));

        var v = OfType(emitted, Forbidden).Single();
        Assert.Multiple(() =>
        {
            Assert.That(v.RuleId, Is.EqualTo("forbidden.shirking"));
            Assert.That(v.Severity, Is.EqualTo("major"));
            Assert.That(v.Role, Is.EqualTo(SpeakerRole.Agent));
            Assert.That(v.Phrase, Is.EqualTo("不清楚"));
            Assert.That(v.Evidence, Is.EqualTo("不清楚"));
            Assert.That(v.State, Is.EqualTo(ViolationState.Confirmed));
            Assert.That(v.Sources, Is.EqualTo(new[] { "transcript" }));
            Assert.That(v.Confidence, Is.EqualTo(1.0));
            Assert.That(v.PackId, Is.EqualTo("callmonitor.default"));
            Assert.That(v.PackVersion, Is.EqualTo(RulePack.Default.Version));
            // 不清楚 is characters 5..8 of 9: the hit lies in the second half of the 4 s utterance.
            Assert.That(v.Span.Start.TotalSeconds, Is.GreaterThan(12).And.LessThan(13));
            Assert.That(v.Span.End.TotalSeconds, Is.GreaterThan(13).And.LessThanOrEqualTo(14));
        });
    }

    [Test]
    public void Accept_CustomerSaysForbiddenPhrase_NoAgentViolation()
    {
        var emitted = Run(Customer(0, 3, "我不清楚，你说什么？"));

        Assert.That(OfType(emitted, Forbidden), Is.Empty);
    }

    [Test]
    public void Accept_CustomerComplains_EscalationAlertNotAgentViolation()
    {
        var emitted = Run(Customer(0, 4, "你们什么态度，我要投诉你们！"));

        var cues = OfType(emitted, "escalation_cue");
        Assert.Multiple(() =>
        {
            Assert.That(cues.Select(c => c.Phrase), Is.EquivalentTo(new[] { "什么态度", "投诉" }));
            Assert.That(cues.Select(c => c.Severity).Distinct(), Is.EqualTo(new[] { "info" }));
            Assert.That(cues.Select(c => c.Role).Distinct(), Is.EqualTo(new[] { SpeakerRole.Customer }));
            Assert.That(OfType(emitted, Forbidden), Is.Empty);
        });
    }

    [Test]
    public void Accept_AgentSaysComplaintWord_NoEscalationAlert()
    {
        var emitted = Run(Agent(0, 4, "有本事就投诉我"));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(emitted, "escalation_cue"), Is.Empty);
            Assert.That(OfType(emitted, Forbidden).Select(v => v.RuleId), Is.EqualTo(new[] { "forbidden.confrontation" }));
        });
    }

    [TestCase("不是要投诉，就是问一下")]
    [TestCase("我不想投诉，只想知道进度")]
    public void Accept_CustomerEscalationException_NoAlert(string text)
    {
        Assert.That(OfType(Run(Customer(0, 4, text)), "escalation_cue"), Is.Empty);
    }

    // Every context exception of forbidden.shirking in the default pack, inside a sentence an agent would say.
    [TestCase("您还有什么不清楚的地方吗？")]
    [TestCase("您看还有什么不清楚的？")]
    [TestCase("如有不清楚，请随时来电")]
    [TestCase("您哪里不清楚，我再说一遍")]
    [TestCase("对不起，我这边听不清楚")]
    [TestCase("如有不明白的请随时来电")]
    [TestCase("您还有什么不明白的吗")]
    [TestCase("您有不明白的地方可以问我")]
    [TestCase("请问您哪里不明白")]
    [TestCase("非常抱歉，聽不明白您說的話")]
    [TestCase("不知道您现在是否方便？")]
    [TestCase("如果您不知道密码，可以重置")]
    public void Accept_ContextException_NoViolation(string text)
    {
        var emitted = Run(Agent(0, 5, text));

        Assert.That(OfType(emitted, Forbidden), Is.Empty);
    }

    [Test]
    public void Accept_ExceptionWordElsewhereInSentence_StillFires()
    {
        // 不清楚 outside 您还有什么不清楚的地方吗 in the same utterance is still shirking.
        var emitted = Run(Agent(0, 6, "这个我不清楚。您还有什么不清楚的地方吗？"));

        Assert.That(OfType(emitted, Forbidden).Select(v => v.Evidence), Is.EqualTo(new[] { "不清楚" }));
    }

    [TestCase("這事不歸我管", "forbidden.shirking")]
    [TestCase("這不關我的事", "forbidden.shirking")]
    [TestCase("你怎麼這麼囉嗦", "forbidden.arrogance")]
    [TestCase("我要下班了", "forbidden.impatience")]
    public void Accept_TraditionalCharacters_Fires(string text, string rule)
    {
        var v = OfType(Run(Agent(0, 3, text)), Forbidden).Single();

        Assert.Multiple(() =>
        {
            Assert.That(v.RuleId, Is.EqualTo(rule));
            Assert.That(v.Evidence, Is.EqualTo(text), "evidence is the original text, not the normalised one");
        });
    }

    [Test]
    public void Accept_VoskSpacedWords_FiresWithWordTimes()
    {
        // 我 0-1 s, 不 1-2 s, 清楚 2-3 s, 啊 3-4 s.
        var emitted = Run(Words(SpeakerRole.Agent, 0, 4, "我", "不", "清楚", "啊"));

        var v = OfType(emitted, Forbidden).Single();
        Assert.Multiple(() =>
        {
            Assert.That(v.Evidence, Is.EqualTo("不 清楚"));
            Assert.That(v.Span.Start.TotalSeconds, Is.EqualTo(1.0).Within(1e-6));
            Assert.That(v.Span.End.TotalSeconds, Is.EqualTo(3.0).Within(1e-6));
            Assert.That(v.Sources, Is.EqualTo(new[] { "vosk" }));
        });
    }

    [Test]
    public void Accept_HomophoneMisrecognition_CaughtWithLowerConfidence()
    {
        var v = OfType(Run(Agent(0, 3, "这个我不青楚")), Forbidden).Single();

        Assert.Multiple(() =>
        {
            Assert.That(v.Phrase, Is.EqualTo("不清楚"));
            Assert.That(v.Evidence, Is.EqualTo("不青楚"));
            Assert.That(v.Confidence, Is.LessThan(1.0).And.GreaterThan(0.5));
        });
    }

    [Test]
    public void Accept_AddressWordOpensUtterance_FiresOnlyThere()
    {
        var opening = OfType(Run(Agent(0, 2, "喂，你说吧")), Forbidden);
        var inside = OfType(Run(Agent(0, 2, "您可以给宝宝喂奶粉")), Forbidden);

        Assert.Multiple(() =>
        {
            Assert.That(opening.Select(v => v.RuleId), Is.EqualTo(new[] { "forbidden.address" }));
            Assert.That(inside, Is.Empty);
        });
    }

    [Test]
    public void Accept_BareWhatAsWholeReply_RegexRuleFires_ButNotInsidePoliteQuestion()
    {
        var bare = OfType(Run(Agent(0, 1, "什么？")), Forbidden);
        var polite = OfType(Run(Agent(0, 3, "请问有什么可以帮您？")), Forbidden);

        Assert.Multiple(() =>
        {
            Assert.That(bare.Select(v => v.RuleId), Is.EqualTo(new[] { "forbidden.interrogation" }));
            Assert.That(bare.Select(v => v.Evidence), Is.EqualTo(new[] { "什么" }));
            Assert.That(polite, Is.Empty);
        });
    }

    [Test]
    public void Accept_PhraseOnlyInNBestAlternative_FiresWithLowerConfidence()
    {
        var emitted = Run(Say(SpeakerRole.Agent, 0, 3, "这个我不清洗", "这个我不清楚"));

        var v = OfType(emitted, Forbidden).Single();
        Assert.Multiple(() =>
        {
            Assert.That(v.Phrase, Is.EqualTo("不清楚"));
            Assert.That(v.Confidence, Is.LessThan(0.7));
        });
    }

    [Test]
    public void Accept_PhraseInBestAndAlternative_CountedOnce()
    {
        var emitted = Run(Say(SpeakerRole.Agent, 0, 3, "这个我不清楚", "这个我不清楚了"));

        Assert.That(OfType(emitted, Forbidden), Has.Count.EqualTo(1));
    }

    [Test]
    public void Accept_TwoOccurrences_TwoViolationsWithDistinctIds()
    {
        var emitted = Run(Agent(0, 4, "我不知道，真的不知道"));

        var hits = OfType(emitted, Forbidden);
        Assert.Multiple(() =>
        {
            Assert.That(hits, Has.Count.EqualTo(2));
            Assert.That(hits.Select(h => h.ViolationId).Distinct().Count(), Is.EqualTo(2));
            Assert.That(hits[0].Span.End, Is.LessThanOrEqualTo(hits[1].Span.Start));
        });
    }
}
