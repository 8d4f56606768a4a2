using CallMonitor.Domain.Calls;
using static CallMonitor.Compliance.Tests.Engine.Calls;

namespace CallMonitor.Compliance.Tests.Engine;

/// <summary>filler_word with the default pack: more than 4 fillers a minute of agent speech, after 30 s of it.</summary>
public sealed class FillerWordTests
{
    private const string Filler = "filler_word";
    private const SpeakerRole A = SpeakerRole.Agent;

    /// <summary>Three 10 s agent utterances (30 s of speech) carrying the given texts.</summary>
    private static List<Domain.Events.ViolationDetected> ThreeUtterances(string first, string second, string third) =>
        Run(Agent(0, 10, first), Customer(11, 13, "好的"), Agent(14, 24, second), Customer(25, 27, "行"), Agent(28, 38, third));

    [Test]
    public void Complete_ThreeFillersInThirtySeconds_OneViolationWithCountAndRate()
    {
        var emitted = ThreeUtterances("嗯，您的订单已经发出了", "这个，呃，预计明天送到", "啊，请您注意查收");

        var v = OfType(emitted, Filler).Single();
        Assert.Multiple(() =>
        {
            Assert.That(v.Role, Is.EqualTo(A));
            Assert.That(v.Span.Start.TotalSeconds, Is.LessThan(1), "from the first filler");
            Assert.That(v.Span.End.TotalSeconds, Is.GreaterThan(28).And.LessThan(30), "to the last one");
            Assert.That(v.Evidence, Does.Contain(" 3 次"), "the count");
            Assert.That(v.Evidence, Does.Contain("6.0"), "3 in half a minute");
        });
    }

    [Test]
    public void Complete_TwoFillersInThirtySeconds_AtTheRateNotAbove_NoViolation()
    {
        var emitted = ThreeUtterances("嗯，您的订单已经发出了", "这个，呃，预计明天送到", "请您注意查收");

        Assert.That(OfType(emitted, Filler), Is.Empty);
    }

    [Test]
    public void Complete_FillerCharactersInsideWordsAndExceptions_NotCounted()
    {
        var emitted = ThreeUtterances("我们非常感恩您的支持", "嗯好，我记下了，是啊", "嗯明白，我们嗯这边马上处理");

        Assert.That(OfType(emitted, Filler), Is.Empty);
    }

    [Test]
    public void Complete_FillerAsWholeRecognisedWord_CountedButNotInsidePlainClause()
    {
        (string, double, double)[] Words(double t) => [("我们", t, t + 1), ("嗯", t + 1, t + 1.5), ("这边", t + 1.5, t + 2.5), ("马上", t + 2.5, t + 10)];
        var timed = Run(Timed(A, 0, 10, Words(0)), Timed(A, 14, 24, Words(14)), Timed(A, 28, 38, Words(28)));
        var plain = Run(Agent(0, 10, "我们嗯这边马上"), Agent(14, 24, "我们嗯这边马上"), Agent(28, 38, "我们嗯这边马上"));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(timed, Filler), Has.Count.EqualTo(1));
            Assert.That(OfType(plain, Filler), Is.Empty);
        });
    }

    [Test]
    public void Complete_LoneFillerWhileCustomerSpeaks_BackchannelNotCounted_AloneCounted()
    {
        var talk = new[] { Agent(0, 10, "您的订单已经发出了"), Agent(40, 50, "预计明天送到"), Agent(80, 90, "请您注意查收") };
        var replies = new[] { 12.0, 18, 24, 30, 36 }.Select(t => Agent(t, t + 0.5, "嗯。")).ToList();
        var customer = Customer(11, 38, "我上周买的东西到现在还没到我想问一下是怎么回事");

        var whileCustomerSpeaks = Run([.. talk, .. replies, customer]);
        var alone = Run([.. talk, .. replies]);

        Assert.Multiple(() =>
        {
            Assert.That(OfType(whileCustomerSpeaks, Filler), Is.Empty);
            Assert.That(OfType(alone, Filler), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Complete_ManyFillersInUnderThirtySeconds_NotJudged()
    {
        var emitted = Run(Agent(0, 10, "嗯，呃，您的订单"), Agent(14, 24, "啊，嗯，发出了"));

        Assert.That(OfType(emitted, Filler), Is.Empty);
    }

    [Test]
    public void Complete_CustomerFillers_NoAgentViolation()
    {
        var emitted = Run(Customer(0, 10, "嗯，呃，啊，我想问"), Customer(14, 24, "啊，呃，嗯，快递"), Customer(28, 38, "嗯，啊，到哪了"));

        Assert.That(OfType(emitted, Filler), Is.Empty);
    }
}
