using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using static CallMonitor.Compliance.Tests.Engine.Calls;

namespace CallMonitor.Compliance.Tests.Engine;

/// <summary>Provisional violations from live partials and keyword-spotter hits, and how finals settle them.</summary>
public sealed class LiveEvidenceTests
{
    private static List<ViolationDetected> Forbidden(IEnumerable<ViolationDetected> emitted) =>
        [.. emitted.Where(v => v.Type == "forbidden_phrase")];

    [Test]
    public void Accept_PartialThenFinalWithPhrase_ProvisionalThenConfirmedSameId()
    {
        var session = Default.CreateSession(Id);

        var early = session.Accept(Partial(SpeakerRole.Agent, 0, 1, "这个我不"));
        var provisional = Forbidden(session.Accept(Partial(SpeakerRole.Agent, 0, 2, "这个我不清楚")));
        var repeated = Forbidden(session.Accept(Partial(SpeakerRole.Agent, 0, 2.5, "这个我不清楚啊")));
        var final = Forbidden(session.Accept(Agent(0, 3, "这个我不清楚啊。")));

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.Empty);
            Assert.That(provisional.Single().State, Is.EqualTo(ViolationState.Provisional));
            Assert.That(repeated, Is.Empty, "an unchanged hit is not announced again");
            Assert.That(final.Single().State, Is.EqualTo(ViolationState.Confirmed));
            Assert.That(final.Single().ViolationId, Is.EqualTo(provisional.Single().ViolationId));
        });
    }

    [Test]
    public void Accept_FinalLacksPartialHit_Retracted()
    {
        var session = Default.CreateSession(Id);

        var provisional = Forbidden(session.Accept(Partial(SpeakerRole.Agent, 0, 2, "我不知道")));
        var final = Forbidden(session.Accept(Agent(0, 3, "我不知道您是否方便")));

        Assert.Multiple(() =>
        {
            Assert.That(provisional.Single().State, Is.EqualTo(ViolationState.Provisional));
            Assert.That(final.Single().State, Is.EqualTo(ViolationState.Retracted), "不知道您 is a context exception");
            Assert.That(final.Single().ViolationId, Is.EqualTo(provisional.Single().ViolationId));
        });
    }

    [Test]
    public void Accept_PartialRevisedWithoutPhrase_RetractedBeforeFinal()
    {
        var session = Default.CreateSession(Id);

        var provisional = Forbidden(session.Accept(Partial(SpeakerRole.Agent, 0, 1, "没法查")));
        var revised = Forbidden(session.Accept(Partial(SpeakerRole.Agent, 0, 2, "马上帮您查")));

        Assert.That(revised.Single(), Has.Property("State").EqualTo(ViolationState.Retracted)
            .And.Property("ViolationId").EqualTo(provisional.Single().ViolationId));
    }

    [Test]
    public void Accept_KwsThenTranscriptSamePlace_OneViolationWithBothSources()
    {
        var session = Default.CreateSession(Id);

        var kws = Forbidden(session.Accept(Kws(SpeakerRole.Agent, 1.2, 2.0, "不清楚", 0.7)));
        var final = Forbidden(session.Accept(Words(SpeakerRole.Agent, 0, 3, "这个", "不", "清楚")));
        var end = Forbidden(session.Complete(TimeSpan.FromSeconds(3)));

        var fused = final.Single();
        Assert.Multiple(() =>
        {
            Assert.That(kws.Single().State, Is.EqualTo(ViolationState.Provisional));
            Assert.That(fused.State, Is.EqualTo(ViolationState.Confirmed));
            Assert.That(fused.ViolationId, Is.EqualTo(kws.Single().ViolationId));
            Assert.That(fused.Sources, Is.EquivalentTo(new[] { "vosk", "kws" }));
            Assert.That(fused.Confidence, Is.GreaterThan(0.7), "two agreeing sources are surer than either");
            Assert.That(end, Is.Empty);
        });
    }

    [Test]
    public void Accept_KwsAfterTranscript_FusedIntoEarlierViolation()
    {
        var emitted = Run(Say(SpeakerRole.Agent, 0, 3, "这个不清楚"), Kws(SpeakerRole.Agent, 1.5, 2.8, "不清楚", 0.5));

        var settled = Settled(emitted).Where(v => v.Type == "forbidden_phrase").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(settled, Has.Count.EqualTo(1));
            Assert.That(settled[0].Sources, Is.EquivalentTo(new[] { "transcript", "kws" }));
        });
    }

    [Test]
    public void Accept_KwsHitInsideTranscriptException_Retracted()
    {
        var session = Default.CreateSession(Id);

        var kws = Forbidden(session.Accept(Kws(SpeakerRole.Agent, 1.0, 1.8, "不清楚")));
        var final = Forbidden(session.Accept(Agent(0, 3, "您还有什么不清楚的地方吗")));

        Assert.Multiple(() =>
        {
            Assert.That(kws.Single().State, Is.EqualTo(ViolationState.Provisional));
            Assert.That(final.Single().State, Is.EqualTo(ViolationState.Retracted));
        });
    }

    [Test]
    public void Accept_KwsHitsPhraseAndItsException_Retracted()
    {
        var emitted = Run(Kws(SpeakerRole.Agent, 1.0, 1.8, "不清楚"), Kws(SpeakerRole.Agent, 0.2, 2.4, "您还有什么不清楚的地方吗"));

        Assert.That(Settled(emitted).Where(v => v.Type == "forbidden_phrase"), Is.Empty);
    }

    [Test]
    public void Complete_KwsHitWithoutTranscript_ConfirmedFromSpotterAlone()
    {
        var emitted = Run(Kws(SpeakerRole.Agent, 4, 5, "我要下班了"));

        var v = Settled(emitted).Single();
        Assert.Multiple(() =>
        {
            Assert.That(v.RuleId, Is.EqualTo("forbidden.impatience"));
            Assert.That(v.State, Is.EqualTo(ViolationState.Confirmed));
            Assert.That(v.Sources, Is.EqualTo(new[] { "kws" }));
        });
    }

    [Test]
    public void Accept_KwsOnCustomerChannel_NoAgentViolation()
    {
        Assert.That(Settled(Run(Kws(SpeakerRole.Customer, 4, 5, "我要下班了"))), Is.Empty);
    }

    [Test]
    public void Accept_EventOfAnotherCall_Throws()
    {
        var session = Default.CreateSession("other");

        Assert.That(() => session.Accept(Agent(0, 1, "您好")), Throws.ArgumentException.With.Message.Contains("other"));
    }

    [Test]
    public void Accept_AfterComplete_Throws()
    {
        var session = Default.CreateSession(Id);
        session.Complete(TimeSpan.Zero);

        Assert.That(() => session.Accept(Agent(0, 1, "您好")), Throws.InvalidOperationException);
    }
}
