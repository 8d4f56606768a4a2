using CallMonitor.Cli.Client;
using Microsoft.Extensions.Time.Testing;

namespace CallMonitor.Cli.Tests.Client;

/// <summary>The latency of an alert: arrival minus the sending of the chunk that holds its audio time.</summary>
public class AudioSendLogTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    /// <summary>Chunks of 100 ms sent at 0, 250 and 400 ms of wall time; the alert arrives at 1000 ms.</summary>
    private static (AudioSendLog Log, long Arrival) ThreeChunks()
    {
        var time = new FakeTimeProvider();
        var log = new AudioSendLog(time);
        log.Sending(Ms(100));
        time.Advance(Ms(250));
        log.Sending(Ms(200));
        time.Advance(Ms(150));
        log.Sending(Ms(300));
        time.Advance(Ms(600));
        return (log, time.GetTimestamp());
    }

    [TestCase(50, 1000)]
    [TestCase(100, 1000)]
    [TestCase(150, 750)]
    [TestCase(200, 750)]
    [TestCase(299, 600)]
    public void LatencyOf_TimeInsideOrAtTheEndOfAChunk_MeasuredFromThatChunksSending(double audioMs, double expectedMs)
    {
        var (log, arrival) = ThreeChunks();

        Assert.That(log.LatencyOf(Ms(audioMs), arrival), Is.EqualTo(Ms(expectedMs)));
    }

    [Test]
    public void LatencyOf_TimePastEverythingSent_MeasuredFromTheLastChunk()
    {
        var (log, arrival) = ThreeChunks();

        Assert.Multiple(() =>
        {
            Assert.That(log.LatencyOf(Ms(450), arrival), Is.EqualTo(Ms(600)));
            Assert.That(log.Sent, Is.EqualTo(Ms(300)));
        });
    }

    [Test]
    public void LatencyOf_NothingSentYet_Null()
    {
        var time = new FakeTimeProvider();

        Assert.That(new AudioSendLog(time).LatencyOf(Ms(10), time.GetTimestamp()), Is.Null);
    }

    [Test]
    public void Sending_ChunkEndingBeforeThePrevious_Throws()
    {
        var log = new AudioSendLog(new FakeTimeProvider());
        log.Sending(Ms(200));

        Assert.That(() => log.Sending(Ms(100)), Throws.ArgumentException);
    }
}
