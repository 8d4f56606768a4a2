using CallMonitor.Domain.Calls;
using static CallMonitor.Compliance.Tests.Engine.Calls;

namespace CallMonitor.Compliance.Tests.Engine;

/// <summary>interruption with the default pack (1 s of overlap; back-channels up to 1 s excused).</summary>
public sealed class InterruptionTests
{
    [Test]
    public void Accept_AgentTalksOverCustomer_Violation()
    {
        var v = OfType(Run(Overlap(5, 6.5, SpeakerRole.Agent, SpeakerRole.Customer)), "interruption").Single();

        Assert.That(v.Span, Is.EqualTo(At(5, 6.5)));
    }

    [Test]
    public void Accept_ShortOverlap_NoViolation()
    {
        Assert.That(OfType(Run(Overlap(5, 5.6, SpeakerRole.Agent, SpeakerRole.Customer)), "interruption"), Is.Empty);
    }

    [Test]
    public void Accept_CustomerTalksOverAgent_NoAgentViolation()
    {
        Assert.That(OfType(Run(Overlap(5, 8, SpeakerRole.Customer, SpeakerRole.Agent)), "interruption"), Is.Empty);
    }

    [Test]
    public void Accept_BackchannelOverlap_NoViolation_ButSentenceIs()
    {
        var backchannel = Run(Agent(5, 6, "嗯嗯，好的"), Overlap(5, 6, SpeakerRole.Agent, SpeakerRole.Customer));
        var sentence = Run(Agent(5, 6, "不是这样"), Overlap(5, 6, SpeakerRole.Agent, SpeakerRole.Customer));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(backchannel, "interruption"), Is.Empty);
            Assert.That(OfType(sentence, "interruption"), Has.Count.EqualTo(1));
        });
    }
}
