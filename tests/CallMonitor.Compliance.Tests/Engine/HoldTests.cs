using CallMonitor.Domain.Calls;
using static CallMonitor.Compliance.Tests.Engine.Calls;

namespace CallMonitor.Compliance.Tests.Engine;

/// <summary>long_silence, hold_without_thanks and hold_too_long with the default pack (8 s, 10 s, 120 s; 15 s windows).</summary>
public sealed class HoldTests
{
    private const SpeakerRole A = SpeakerRole.Agent;
    private const SpeakerRole C = SpeakerRole.Customer;

    [Test]
    public void Accept_UnannouncedDeadAir_LongSilenceOnItsSpan()
    {
        var emitted = Run(Customer(0, 3, "我的订单到哪了"), Agent(4, 6, "订单号多少"), Silence(6, 16, A, A), Agent(16, 18, "查到了"));

        var v = OfType(emitted, "long_silence").Single();
        Assert.Multiple(() =>
        {
            Assert.That(v.Span, Is.EqualTo(At(6, 16)));
            Assert.That(v.Sources, Is.EqualTo(new[] { "acoustic" }));
        });
    }

    [Test]
    public void Accept_SilenceUnderThreshold_NoViolation()
    {
        Assert.That(OfType(Run(Agent(4, 6, "订单号多少"), Silence(6, 13.5, A, C)), "long_silence"), Is.Empty);
    }

    [TestCase("请您稍等，我帮您查询一下")]
    [TestCase("請稍候")]
    [TestCase("好的 正在 查询")]
    public void Accept_AnnouncedHold_NoLongSilence(string announcement)
    {
        var emitted = Run(Agent(4, 6, announcement), Customer(6.5, 7, "好"), Silence(7, 20, C, A), Agent(20, 23, "感谢您的耐心等待"));

        Assert.That(OfType(emitted, "long_silence"), Is.Empty);
    }

    [Test]
    public void Accept_AnnouncementTooLongBefore_LongSilence()
    {
        var emitted = Run(Agent(0, 2, "请您稍等"), Customer(3, 20, "好的，我跟你说一下情况，就是上个月的账单"), Silence(20, 30, C, A));

        Assert.That(OfType(emitted, "long_silence"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Accept_CustomerSaysHoldPhrase_StillLongSilence()
    {
        var emitted = Run(Customer(4, 6, "你等一下，请稍等"), Silence(6, 16, C, A));

        Assert.That(OfType(emitted, "long_silence"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Accept_HoldThenThanks_NoHoldViolation()
    {
        var emitted = Run(Agent(0, 2, "请您稍等"), Silence(2, 30, A, A), Agent(30, 33, "让您久等了，查到了"));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(emitted, "hold_without_thanks"), Is.Empty);
            Assert.That(OfType(emitted, "hold_too_long"), Is.Empty, "28 s is under two minutes");
        });
    }

    [Test]
    public void Accept_HoldThenNoThanks_HoldWithoutThanks()
    {
        var emitted = Run(Agent(0, 2, "请您稍等"), Silence(2, 30, A, A), Agent(30, 33, "查到了，您的订单明天到"), Customer(34, 36, "好的"), Agent(50, 52, "谢谢"));

        var v = OfType(emitted, "hold_without_thanks").Single();
        Assert.That(v.Span, Is.EqualTo(At(2, 30)));
    }

    [Test]
    public void Complete_HoldThenCallEnds_HoldWithoutThanks()
    {
        Assert.That(OfType(Run(Agent(0, 2, "请您稍等"), Silence(2, 30, A, A)), "hold_without_thanks"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Accept_HoldOverTwoMinutesWithoutApology_HoldTooLong_WithApologyNot()
    {
        var rude = Run(Agent(0, 2, "请稍等"), Silence(2, 140, A, A), Agent(140, 143, "感谢您的耐心等待，查到了"));
        var polite = Run(Agent(0, 2, "请稍等"), Silence(2, 140, A, A), Agent(140, 143, "不好意思，感谢您的耐心等待"));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(rude, "hold_too_long"), Has.Count.EqualTo(1));
            Assert.That(OfType(rude, "hold_without_thanks"), Is.Empty);
            Assert.That(OfType(polite, "hold_too_long"), Is.Empty);
        });
    }

    [Test]
    public void Accept_UnannouncedSilence_NotAHold()
    {
        var emitted = Run(Agent(0, 2, "订单号多少"), Silence(2, 30, A, A), Agent(30, 33, "查到了"));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(emitted, "hold_without_thanks"), Is.Empty);
            Assert.That(OfType(emitted, "long_silence"), Has.Count.EqualTo(1));
        });
    }
}
