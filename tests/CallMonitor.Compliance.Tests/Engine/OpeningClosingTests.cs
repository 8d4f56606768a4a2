using CallMonitor.Compliance.Engine;
using CallMonitor.Domain.Calls;
using static CallMonitor.Compliance.Tests.Engine.Calls;

namespace CallMonitor.Compliance.Tests.Engine;

/// <summary>missing_greeting, missing_closing and agent_hung_up_first with the default pack.</summary>
public sealed class OpeningClosingTests
{
    private const string StandardGreeting = "您好，客服中心，很高兴为您服务！";
    private const string StandardClosing = "请问还有什么可以帮您？感谢您的来电，再见！";

    private static CallContext StartingAt(int year, int month, int day, int hour, int minute) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)));

    private static List<string> Greeting(CallContext? context, params string[] agentLines)
    {
        var events = agentLines.Select((line, i) => Agent(i * 3, (i * 3) + 2.5, line)).ToArray();
        return [.. OfType(Run(Default, 60, context, events), "missing_greeting").Select(v => v.Evidence)];
    }

    [Test]
    public void Complete_StandardGreeting_NoViolation()
    {
        Assert.That(Greeting(null, StandardGreeting), Is.Empty);
    }

    [Test]
    public void Complete_GreetingSpreadOverTwoUtterances_NoViolation()
    {
        Assert.That(Greeting(null, "您好，这里是客服中心。", "请问有什么可以帮您？"), Is.Empty);
    }

    [Test]
    public void Complete_OfferOnlyInThirdUtterance_Violation()
    {
        Assert.That(Greeting(null, "您好。", "这里是客服中心。", "请问有什么可以帮您？"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Complete_NoSalutation_ViolationNamesWhatIsMissing()
    {
        var evidence = Greeting(null, "客服中心，请问有什么可以帮您？").Single();

        Assert.Multiple(() =>
        {
            Assert.That(evidence, Does.Contain("您好"));
            Assert.That(evidence, Does.Contain("客服中心，请问有什么可以帮您？"), "evidence quotes the agent's opening");
        });
    }

    [Test]
    public void Complete_GreetingAfterWindow_Violation()
    {
        var events = new[] { Agent(1, 3, "嗯，等一下。"), Agent(30, 33, StandardGreeting) };

        Assert.That(OfType(Run(Default, 60, null, events), "missing_greeting"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Complete_CustomerGreetsAgentDoesNot_Violation()
    {
        var events = new[] { Customer(0, 2, "您好，有什么可以帮您"), Agent(3, 5, "说吧，什么事") };

        Assert.That(OfType(Run(Default, 60, null, events), "missing_greeting"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Complete_TraditionalVoskGreeting_NoViolation()
    {
        var greeting = Words(SpeakerRole.Agent, 0, 3, "您好", "客服", "中心", "很", "高興", "為您", "服務");

        Assert.That(OfType(Run(greeting), "missing_greeting"), Is.Empty);
    }

    [TestCase(9, 15, "上午好，客服中心，很高兴为您服务")]
    [TestCase(14, 0, "下午好，客服中心，很高兴为您服务")]
    [TestCase(19, 30, "晚上好，客服中心，很高兴为您服务")]
    [TestCase(7, 0, "早上好，客服中心，很高兴为您服务")]
    public void Complete_TimeOfDayGreetingFitsStart_NoViolation(int hour, int minute, string greeting)
    {
        Assert.That(Greeting(StartingAt(2025, 6, 3, hour, minute), greeting), Is.Empty);
    }

    [TestCase(9, 15, "晚上好，客服中心，很高兴为您服务", "晚上好")]
    [TestCase(20, 0, "上午好，客服中心，很高兴为您服务", "上午好")]
    [TestCase(15, 0, "早上好，客服中心，很高兴为您服务", "早上好")]
    public void Complete_WrongTimeOfDayGreeting_Flagged(int hour, int minute, string greeting, string wrong)
    {
        Assert.That(Greeting(StartingAt(2025, 6, 3, hour, minute), greeting).Single(), Does.Contain(wrong).And.Contain("不符"));
    }

    [Test]
    public void Complete_TimeOfDayGreetingWithoutStartTime_NotJudged()
    {
        Assert.That(Greeting(null, "晚上好，客服中心，很高兴为您服务"), Is.Empty);
    }

    [Test]
    public void Complete_HolidayWithoutHolidayGreeting_Flagged_WithHolidayGreeting_Not()
    {
        var nationalDay = StartingAt(2025, 10, 2, 10, 0);

        Assert.Multiple(() =>
        {
            Assert.That(Greeting(nationalDay, StandardGreeting).Single(), Does.Contain("国庆节"));
            Assert.That(Greeting(nationalDay, "您好，国庆快乐！客服中心，很高兴为您服务"), Is.Empty);
            Assert.That(Greeting(StartingAt(2025, 10, 20, 10, 0), StandardGreeting), Is.Empty, "no holiday that day");
        });
    }

    [Test]
    public void Complete_AgentNeverSpoke_GreetingMissing()
    {
        Assert.That(OfType(Run(Customer(0, 2, "喂？有人吗？")), "missing_greeting"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Complete_StandardClosing_NoViolation()
    {
        var emitted = Run(Agent(0, 3, StandardGreeting), Customer(4, 6, "好的谢谢"), Agent(7, 11, StandardClosing));

        Assert.That(OfType(emitted, "missing_closing"), Is.Empty);
    }

    [Test]
    public void Complete_CustomerNeverMadeASound_ClosingLeftToTheSilentCallProtocol()
    {
        var silent = Run(Agent(0, 3, StandardGreeting), Agent(8, 12, "您好，您的电话没有声音，请您稍后再拨，再见。"));
        var spoke = Run(Agent(0, 3, StandardGreeting), Customer(4, 5, "喂"), Agent(8, 12, "您好，您的电话没有声音，请您稍后再拨，再见。"));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(silent, "missing_closing"), Is.Empty);
            Assert.That(OfType(spoke, "missing_closing"), Has.Count.EqualTo(1), "once the customer spoke, the closing is owed");
        });
    }

    [Test]
    public void Complete_ClosingWithoutThanks_ViolationNamesIt()
    {
        var emitted = Run(Agent(0, 3, StandardGreeting), Customer(4, 6, "我想查一下话费"), Agent(40, 44, "请问还有什么可以帮您？再见。"));

        var v = OfType(emitted, "missing_closing").Single();
        Assert.Multiple(() =>
        {
            Assert.That(v.Evidence, Does.Contain("感谢"));
            Assert.That(v.Evidence, Does.Not.Contain("道别"));
            Assert.That(v.Span.End.TotalSeconds, Is.EqualTo(44));
        });
    }

    [Test]
    public void Complete_ClosingSaidLongBeforeTheEnd_Violation()
    {
        var emitted = Run(Agent(0, 4, StandardClosing), Customer(50, 53, "那你帮我看看"), Agent(100, 103, "嗯，好的，我看一下"));

        Assert.That(OfType(emitted, "missing_closing"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Complete_CustomerSaysGoodbyeAgentDoesNot_Violation()
    {
        var emitted = Run(Agent(0, 3, "好的，就这样。"), Customer(4, 7, StandardClosing));

        Assert.That(OfType(emitted, "missing_closing"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Complete_AgentHangsUpBeforeCustomer_Violation()
    {
        var emitted = Run(Agent(0, 3, StandardClosing), HangUp(SpeakerRole.Agent, 4), HangUp(SpeakerRole.Customer, 7));

        var v = OfType(emitted, "agent_hung_up_first").Single();
        Assert.That(v.Span.Start.TotalSeconds, Is.EqualTo(4));
    }

    [Test]
    public void Complete_CustomerHangsUpFirstOrTogether_NoViolation()
    {
        var first = Run(HangUp(SpeakerRole.Customer, 4), HangUp(SpeakerRole.Agent, 5));
        var together = Run(HangUp(SpeakerRole.Agent, 4), HangUp(SpeakerRole.Customer, 4.3));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(first, "agent_hung_up_first"), Is.Empty);
            Assert.That(OfType(together, "agent_hung_up_first"), Is.Empty, "within the 0.5 s grace");
        });
    }

    [Test]
    public void Complete_AgentAnnouncedHangUpAndWaited_NoViolation_ButNotWithoutWaiting()
    {
        var waited = Run(Agent(0, 2, "您好，我先挂线了"), HangUp(SpeakerRole.Agent, 5));
        var hurried = Run(Agent(0, 2, "您好，我先挂线了"), HangUp(SpeakerRole.Agent, 2.5));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(waited, "agent_hung_up_first"), Is.Empty);
            Assert.That(OfType(hurried, "agent_hung_up_first"), Has.Count.EqualTo(1));
        });
    }
}
