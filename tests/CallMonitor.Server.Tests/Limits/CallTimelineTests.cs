using CallMonitor.Contracts.V1;
using CallMonitor.Domain.Calls;
using CallMonitor.Server.Audio;
using CallMonitor.Server.Limits;
using CallMonitor.Server.Tests.Support;

namespace CallMonitor.Server.Tests.Limits;

/// <summary>How far each frame moves a call forward, the amount the speed budget charges.</summary>
public class CallTimelineTests
{
    [Test]
    public void Advance_InterleavedPcmStereo_BytesOverBytesPerSecond()
    {
        var timeline = new CallTimeline(new WireAudioFormat(WireEncoding.Pcm16, 16000, ChannelLayout.AgentCustomer));

        // 16 kHz × 2 channels × 2 bytes = 64,000 bytes per second.
        var first = timeline.Advance(CallFrames.Audio(new byte[32_000]));
        var second = timeline.Advance(CallFrames.Audio(new byte[64_000]));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(0.5).Within(1e-9));
            Assert.That(second, Is.EqualTo(1.0).Within(1e-9));
            Assert.That(timeline.Position, Is.EqualTo(1.5).Within(1e-9));
        });
    }

    [Test]
    public void Advance_PerSpeakerChunks_BothSpeakersOverTheSameSecondCountOnce()
    {
        var timeline = new CallTimeline(new WireAudioFormat(WireEncoding.MuLaw, 8000, ChannelLayout.AgentCustomer));

        var agent = timeline.Advance(CallFrames.Audio(new byte[8000], Speaker.Agent));
        var customerSameSecond = timeline.Advance(CallFrames.Audio(new byte[8000], Speaker.Customer));
        var customerNextSecond = timeline.Advance(CallFrames.Audio(new byte[8000], Speaker.Customer));

        Assert.Multiple(() =>
        {
            Assert.That(agent, Is.EqualTo(1).Within(1e-9));
            Assert.That(customerSameSecond, Is.Zero);
            Assert.That(customerNextSecond, Is.EqualTo(1).Within(1e-9));
        });
    }

    [Test]
    public void Advance_MonoCallWithSpeakerSet_CountedAsTheOneChannel()
    {
        var timeline = new CallTimeline(new WireAudioFormat(WireEncoding.ALaw, 8000, ChannelLayout.Mono));

        var advanced = timeline.Advance(CallFrames.Audio(new byte[4000], Speaker.Agent));

        Assert.That(advanced, Is.EqualTo(0.5).Within(1e-9));
    }

    [Test]
    public void Advance_Transcripts_OnlyHowFarTheLatestEndReaches()
    {
        var timeline = new CallTimeline(new WireAudioFormat(WireEncoding.Pcm16, 16000, ChannelLayout.AgentCustomer));

        var advances = new[]
        {
            timeline.Advance(CallFrames.Said(Speaker.Agent, 0.5, 4.0, "您好")),
            timeline.Advance(CallFrames.Said(Speaker.Customer, 1.0, 3.0, "你好")),
            timeline.Advance(CallFrames.Said(Speaker.Customer, 3.5, 6.5, "我想问一下")),
            timeline.Advance(CallFrames.Said(Speaker.Agent, double.NaN, double.NaN, "?")),
            timeline.Advance(CallFrames.End()),
        };

        Assert.That(advances, Is.EqualTo(new[] { 4.0, 0, 2.5, 0, 0 }).Within(1e-9));
    }

    [Test]
    public void Advance_AudioBehindTheTranscript_ChargedOnlyPastTheTranscriptEnd()
    {
        var timeline = new CallTimeline(new WireAudioFormat(WireEncoding.Pcm16, 8000, ChannelLayout.Mono));
        timeline.Advance(CallFrames.Said(Speaker.Agent, 0, 2.0, "您好"));

        var covered = timeline.Advance(CallFrames.Audio(new byte[16000 * 2]));
        var past = timeline.Advance(CallFrames.Audio(new byte[16000]));

        Assert.Multiple(() =>
        {
            Assert.That(covered, Is.Zero, "the first 2 s were charged with the transcript");
            Assert.That(past, Is.EqualTo(1).Within(1e-9));
        });
    }
}
