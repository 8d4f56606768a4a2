using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Tests.Support;

namespace CallMonitor.Audio.Tests.Conversion;

public class ResamplingSampleProviderTests
{
    private const int Target = 16000;

    [TestCase(8000, 12345)]
    [TestCase(22050, 22050)]
    [TestCase(44100, 44101)]
    [TestCase(48000, 47999)]
    [TestCase(11025, 777)]
    [TestCase(16000, 1000)]
    public void Read_AnyRate_OutputLengthFollowsRateRatio(int inputRate, int inputFrames)
    {
        float[] output = Resample(new float[inputFrames], inputRate, 1, Target);
        long expected = (((long)inputFrames * Target) + inputRate - 1) / inputRate; // ceil(frames * out / in)
        Assert.That(output, Has.Length.EqualTo(expected));
    }

    [TestCase(8000, 1000.0)]
    [TestCase(8000, 3000.0)]
    [TestCase(22050, 1000.0)]
    [TestCase(44100, 440.0)]
    [TestCase(44100, 6500.0)]
    [TestCase(48000, 1000.0)]
    [TestCase(48000, 7000.0)]
    public void Read_PassbandSine_KeepsRmsWithinHalfDecibel(int inputRate, double frequency)
    {
        float[] input = Signals.Sines(inputRate, inputRate, 0.5f, frequency);
        float[] output = Resample(input, inputRate, 1, Target);
        double inputRms = Signals.Rms(input);
        double outputRms = Signals.Rms(Steady(output, Target));
        Assert.That(Math.Abs(Signals.Db(outputRms / inputRms)), Is.LessThan(0.5));
    }

    [TestCase(48000, 9000.0)]
    [TestCase(48000, 15000.0)]
    [TestCase(44100, 8500.0)]
    [TestCase(44100, 12000.0)]
    [TestCase(22050, 9000.0)]
    public void Read_ToneAboveTargetNyquist_AttenuatedByAtLeast40Db(int inputRate, double frequency)
    {
        float[] input = Signals.Sines(inputRate, inputRate, 0.5f, frequency);
        float[] output = Resample(input, inputRate, 1, Target);
        double attenuation = Signals.Db(Signals.Rms(Steady(output, Target)) / Signals.Rms(input));
        Assert.That(attenuation, Is.LessThan(-40));
    }

    [Test]
    public void Read_Upsample8kTone_ImageAboveOldNyquistAttenuatedByAtLeast40Db()
    {
        // A 3 kHz tone at 8 kHz has its first image at 8 - 3 = 5 kHz once the rate is doubled.
        float[] input = Signals.Sines(8000, 8000, 0.5f, 3000);
        float[] output = Steady(Resample(input, 8000, 1, Target), Target);
        double tone = Signals.ToneAmplitude(output, Target, 3000);
        double image = Signals.ToneAmplitude(output, Target, 5000);
        Assert.Multiple(() =>
        {
            Assert.That(tone, Is.EqualTo(0.5).Within(0.03));
            Assert.That(Signals.Db(image / tone), Is.LessThan(-40));
        });
    }

    [TestCase(44100)]
    [TestCase(48000)]
    [TestCase(8000)]
    public void Read_ChunkedReadsOfOddSizes_SameSamplesAsOneRead(int inputRate)
    {
        var random = new Random(7);
        float[] input = Enumerable.Range(0, inputRate / 3 * 2).Select(_ => (float)((random.NextDouble() * 2) - 1) * 0.5f).ToArray();
        float[] whole = Resample(input, inputRate, 2, Target, chunk: 1 << 20);

        var resampler = new ResamplingSampleProvider(new ArraySampleProvider(input, inputRate, 2), Target);
        var chunked = new List<float>();
        var buffer = new float[1000];
        int read;
        do
        {
            int size = 2 * random.Next(1, 500); // whole stereo frames of varying count
            read = resampler.Read(buffer.AsSpan(0, size));
            chunked.AddRange(buffer.AsSpan(0, read));
        }
        while (read > 0);

        Assert.That(chunked, Is.EqualTo(whole));
    }

    [Test]
    public void Read_StereoWithDifferentTones_ResamplesChannelsIndependently()
    {
        float[] input = Signals.Sines(44100, 44100, 0.5f, 1000, 0);
        float[] output = Resample(input, 44100, 2, Target);
        float[] left = Steady(Signals.Channel(output, 2, 0), Target);
        float[] right = Signals.Channel(output, 2, 1);
        Assert.Multiple(() =>
        {
            Assert.That(Math.Abs(Signals.Db(Signals.Rms(left) / Signals.Rms(Signals.Channel(input, 2, 0)))), Is.LessThan(0.5));
            Assert.That(right.Max(Math.Abs), Is.Zero);
        });
    }

    [Test]
    public void Read_ConstantInput_StaysConstantAwayFromEdges()
    {
        float[] output = Resample(Enumerable.Repeat(0.25f, 44100).ToArray(), 44100, 1, Target);
        Assert.That(Steady(output, Target), Is.All.EqualTo(0.25f).Within(1e-4f));
    }

    [Test]
    public void Read_FullScaleNoise_NoNaNOrInfinity()
    {
        var random = new Random(3);
        float[] input = Enumerable.Range(0, 48000).Select(_ => random.Next(2) == 0 ? -1f : 1f).ToArray();
        float[] output = Resample(input, 48000, 1, Target);
        Assert.That(output.All(float.IsFinite), Is.True);
    }

    [Test]
    public void Read_UnusualRatio_InterpolatedTableStillKeepsPassband()
    {
        // 44056 Hz and 16000 Hz reduce to 2000/5507: more phases than the exact table holds, so it interpolates.
        float[] input = Signals.Sines(44056, 44056, 0.5f, 1500);
        float[] output = Resample(input, 44056, 1, Target);
        Assert.Multiple(() =>
        {
            Assert.That(output, Has.Length.EqualTo(16000));
            Assert.That(Signals.ToneAmplitude(Steady(output, Target), Target, 1500), Is.EqualTo(0.5).Within(0.02));
        });
    }

    [Test]
    public void ToSampleRate_SameRate_ReturnsSourceUnchanged()
    {
        var source = new ArraySampleProvider(new float[10], Target, 1);
        Assert.That(source.ToSampleRate(Target), Is.SameAs(source));
    }

    private static float[] Resample(float[] input, int inputRate, int channels, int targetRate, int chunk = 4096)
    {
        var resampler = new ResamplingSampleProvider(new ArraySampleProvider(input, inputRate, channels), targetRate);
        Assert.That(resampler.WaveFormat.SampleRate, Is.EqualTo(targetRate));
        return Signals.ReadAll(resampler, chunk - (chunk % channels));
    }

    /// <summary>Drops 20 ms at each end, where the filter sees the silence before and after the input.</summary>
    private static float[] Steady(float[] samples, int rate)
    {
        int edge = rate / 50;
        return samples[edge..^edge];
    }
}
