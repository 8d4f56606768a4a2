using CallMonitor.Acoustics.Vad;

namespace CallMonitor.Acoustics.Tests.Vad;

public class EnergyVoiceActivityDetectorTests
{
    private const int SampleRate = 16000;

    /// <summary>Light noise with syllable-like bursts (a 200 Hz tone modulated at 4 Hz) at the given seconds.</summary>
    private static float[] NoiseWithBursts(double seconds, params (double Start, double End)[] bursts)
    {
        var random = new Random(7);
        var samples = new float[(int)(seconds * SampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / (double)SampleRate;
            var noise = (float)((random.NextDouble() - 0.5) * 0.003); // about -60 dBFS
            var speech = bursts.Any(b => t >= b.Start && t < b.End)
                ? 0.3 * Math.Sin(2 * Math.PI * 200 * t) * (0.6 + (0.4 * Math.Sin(2 * Math.PI * 4 * t)))
                : 0;
            samples[i] = noise + (float)speech;
        }

        return samples;
    }

    private static List<SampleRange> Run(float[] samples, int chunk)
    {
        using var vad = new EnergyVoiceActivityDetector();
        var regions = new List<SampleRange>();
        for (var i = 0; i < samples.Length; i += chunk)
        {
            vad.AcceptWaveform(samples.AsSpan(i, Math.Min(chunk, samples.Length - i)));
            regions.AddRange(vad.TakeCompletedRegions());
        }

        vad.Flush();
        regions.AddRange(vad.TakeCompletedRegions());
        return regions;
    }

    [Test]
    public void AcceptWaveform_LineNoiseOnly_NoSpeech()
    {
        Assert.That(Run(NoiseWithBursts(10), 320), Is.Empty);
    }

    [Test]
    public void AcceptWaveform_TwoBursts_EdgesWithin50ms()
    {
        var regions = Run(NoiseWithBursts(12, (1.0, 3.0), (7.5, 9.0)), 320);

        Assert.That(regions, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(regions[0].Start / (double)SampleRate, Is.EqualTo(1.0).Within(0.05));
            Assert.That(regions[0].End / (double)SampleRate, Is.EqualTo(3.0).Within(0.05));
            Assert.That(regions[1].Start / (double)SampleRate, Is.EqualTo(7.5).Within(0.05));
            Assert.That(regions[1].End / (double)SampleRate, Is.EqualTo(9.0).Within(0.05));
        });
    }

    [Test]
    public void AcceptWaveform_ChunkSizeDoesNotChangeRegions()
    {
        var samples = NoiseWithBursts(8, (0.5, 2.0), (4.0, 6.5));

        Assert.That(Run(samples, 37), Is.EqualTo(Run(samples, 4000)));
    }

    [Test]
    public void AcceptWaveform_ShortGapInsidePhrase_KeepsOneRegion()
    {
        var regions = Run(NoiseWithBursts(6, (1.0, 2.0), (2.15, 3.0)), 160);

        Assert.That(regions, Has.Count.EqualTo(1));
    }

    [Test]
    public void Flush_SpeechRunningAtEnd_ClosesRegion()
    {
        var regions = Run(NoiseWithBursts(4, (3.0, 4.0)), 160);

        Assert.That(regions, Has.Count.EqualTo(1));
        Assert.That(regions[0].End / (double)SampleRate, Is.EqualTo(4.0).Within(0.02));
    }

    [Test]
    public void DecidedUpTo_NeverPassesAnOpenRegionStart()
    {
        using var vad = new EnergyVoiceActivityDetector();
        var samples = NoiseWithBursts(5, (2.0, 4.0));
        vad.AcceptWaveform(samples.AsSpan(0, (int)(3.0 * SampleRate)));

        Assert.Multiple(() =>
        {
            Assert.That(vad.IsSpeechActive, Is.True);
            Assert.That(vad.DecidedUpTo / (double)SampleRate, Is.LessThanOrEqualTo(2.0));
        });
    }
}
