using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using static CallMonitor.Compliance.Tests.Engine.Calls;

namespace CallMonitor.Compliance.Tests.Engine;

/// <summary>silent_call_protocol with the default pack: a silent customer gets three prompts ~5 s apart, the last telling them the line is silent.</summary>
public sealed class SilentCallTests
{
    private const string Silent = "silent_call_protocol";
    private const SpeakerRole A = SpeakerRole.Agent;
    private const SpeakerRole C = SpeakerRole.Customer;

    private static readonly CallEvent[] FullProtocol =
    [
        Agent(0, 3, "您好，很高兴为您服务"),
        Agent(8, 10, "您好，请问能听到我的声音吗"),
        Agent(15, 19, "对不起，您的电话没有声音，请您换一部电话再打来，再见"),
        HangUp(A, 21),
    ];

    [Test]
    public void Accept_ThreePromptsEndingWithNotice_NoViolation()
    {
        Assert.That(OfType(Run(FullProtocol), Silent), Is.Empty);
    }

    [Test]
    public void Accept_AgentHangsUpAfterOneGreeting_ViolationUntilTheHangUp()
    {
        var v = OfType(Run(Agent(0, 3, "您好，很高兴为您服务"), HangUp(A, 9)), Silent).Single();

        Assert.Multiple(() =>
        {
            Assert.That(v.Span, Is.EqualTo(At(0, 9)));
            Assert.That(v.Confidence, Is.EqualTo(1.0));
            Assert.That(v.Evidence, Does.Contain("您好，很高兴为您服务"));
        });
    }

    [Test]
    public void Accept_TwoPromptsOnly_Violation()
    {
        var emitted = Run(Agent(0, 3, "您好，很高兴为您服务"), Agent(8, 12, "您的电话没有声音，请稍后再拨"), HangUp(A, 13));

        Assert.That(OfType(emitted, Silent), Has.Count.EqualTo(1));
    }

    [Test]
    public void Accept_ThreeGreetingsWithoutNotice_Violation()
    {
        var emitted = Run(Agent(0, 3, "您好"), Agent(8, 10, "您好，请讲话"), Agent(15, 17, "您好，有什么可以帮您"), HangUp(A, 18));

        Assert.That(OfType(emitted, Silent), Has.Count.EqualTo(1));
    }

    [Test]
    public void Accept_CustomerSpeaksOrIsHeard_NoViolation()
    {
        var spoke = Run(Agent(0, 3, "您好，很高兴为您服务"), Customer(5, 6, "喂"), Agent(6, 8, "您好"), HangUp(A, 9));
        var heard = Run(Agent(0, 3, "您好，很高兴为您服务"), Segment(C, 5, 6), HangUp(A, 9));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(spoke, Silent), Is.Empty);
            Assert.That(OfType(heard, Silent), Is.Empty, "speech on the customer channel without a transcript");
        });
    }

    [Test]
    public void Accept_CustomerHangsUp_NoViolation()
    {
        Assert.That(OfType(Run(Agent(0, 3, "您好，很高兴为您服务"), HangUp(C, 6)), Silent), Is.Empty);
    }

    [Test]
    public void Complete_NoHangUpKnown_ViolationWithLessConfidence()
    {
        var v = OfType(Run(Default, 9, null, Agent(0, 3, "您好，很高兴为您服务")), Silent).Single();

        Assert.That(v.Confidence, Is.LessThan(1.0));
    }
}
