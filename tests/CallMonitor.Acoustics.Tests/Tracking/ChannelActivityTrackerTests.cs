using CallMonitor.Acoustics.Rate;
using CallMonitor.Acoustics.Tracking;
using CallMonitor.Acoustics.Vad;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;

namespace CallMonitor.Acoustics.Tests.Tracking;

public class ChannelActivityTrackerTests
{
    private const int Hz = 16000;

    /// <summary>Quiet line noise with tone bursts (syllables) in the given second ranges.</summary>
    private static float[] Signal(double seconds, params (double Start, double End, double Amplitude)[] bursts)
    {
        var random = new Random(5);
        var samples = new float[(int)(seconds * Hz)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / (double)Hz;
            var amplitude = bursts.Where(b => t >= b.Start && t < b.End).Select(b => b.Amplitude).DefaultIfEmpty(0).Max();
            samples[i] = (float)((amplitude * Math.Sin(2 * Math.PI * 220 * t)) + ((random.NextDouble() - 0.5) * 0.002));
        }

        return samples;
    }

    private static SpeechSegmentDetected[] Track(float[] samples, params SampleRange[] detected)
    {
        using var tracker = new ChannelActivityTracker("c1", SpeakerRole.Agent, new ScriptedDetector(detected), new SyllableRateEstimator());
        for (var i = 0; i < samples.Length; i += 800)
        {
            tracker.Accept(samples.AsSpan(i, Math.Min(800, samples.Length - i)));
        }

        tracker.Complete();
        return [.. tracker.TakeSegments()];
    }

    [Test]
    public void Accept_DetectorTriggersLateAfterFirstSyllable_StartMovesBackToTheSound()
    {
        // Sound from 1.00 s: syllable, 80 ms dip, louder syllables; the detector only fires at 1.40 s.
        var samples = Signal(4, (1.0, 1.3, 0.1), (1.38, 2.5, 0.3));

        var segment = Track(samples, new SampleRange(22400, 40000)).Single();

        Assert.That(segment.Span.Start.TotalSeconds, Is.EqualTo(1.0).Within(0.015));
    }

    [Test]
    public void Accept_PauseBeforeTheRegion_StartStaysAfterThePause()
    {
        // Earlier sound at 0.5-0.9 s, then 400 ms of quiet: that is a separate stretch, not this region's onset.
        var samples = Signal(4, (0.5, 0.9, 0.3), (1.3, 2.5, 0.3));

        var segment = Track(samples, new SampleRange(20800, 40000)).Single();

        Assert.That(segment.Span.Start.TotalSeconds, Is.EqualTo(1.3).Within(0.015));
    }

    [Test]
    public void Accept_RefinedStartNeverReachesIntoThePreviousRegion()
    {
        var samples = Signal(4, (0.5, 2.5, 0.3));

        var segments = Track(samples, new SampleRange(8000, 16000), new SampleRange(17600, 40000));

        Assert.That(segments[1].Span.Start, Is.GreaterThanOrEqualTo(segments[0].Span.End));
    }

    [Test]
    public void Accept_SegmentCarriesItsLevel()
    {
        var samples = Signal(3, (1.0, 2.0, 0.5));

        var segment = Track(samples, new SampleRange(16000, 32000)).Single();

        // A sine of amplitude 0.5 has RMS 0.354: -9.0 dBFS; peak -6.0 dBFS.
        Assert.Multiple(() =>
        {
            Assert.That(segment.Loudness.RmsDbfs, Is.EqualTo(-9.0).Within(0.2));
            Assert.That(segment.Loudness.PeakDbfs, Is.EqualTo(-6.0).Within(0.1));
            Assert.That(segment.Loudness.ClippedFraction, Is.Zero);
        });
    }
}
