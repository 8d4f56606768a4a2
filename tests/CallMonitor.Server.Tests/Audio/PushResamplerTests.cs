using CallMonitor.Server.Audio;

namespace CallMonitor.Server.Tests.Audio;

/// <summary>Push-mode 8 kHz -> 16 kHz conversion, checked by physical properties of the output.</summary>
public class PushResamplerTests
{
    private const int InRate = 8000;
    private const int OutRate = 16000;

    [Test]
    public void Push_OneSecondInOddBlocks_OutputIsTwiceAsLongAfterFlush()
    {
        var input = Tone(1000, InRate, InRate, 0.5f);
        var output = PushAll(new PushResampler(InRate, OutRate, 1), input, [37, 160, 1, 999]);

        Assert.That(output, Has.Length.EqualTo(2 * input.Length));
    }

    [Test]
    public void Push_1kHzTone_KeepsFrequencyAndRms()
    {
        var input = Tone(1000, InRate, 2 * InRate, 0.5f);
        var output = PushAll(new PushResampler(InRate, OutRate, 1), input, [160]);

        // Away from the edges (the filter sees silence before the start and after the end).
        var middle = output.AsSpan(1600, output.Length - 3200).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(DominantFrequency(middle, OutRate), Is.EqualTo(1000).Within(5), "frequency");
            Assert.That(Rms(middle), Is.EqualTo(0.5 / Math.Sqrt(2)).Within(0.005), "RMS");
            Assert.That(middle.All(float.IsFinite), Is.True, "finite samples");
        });
    }

    [Test]
    public void Push_BlockSizes_DoNotChangeTheOutput()
    {
        var input = Tone(440, InRate, InRate, 0.3f);
        var whole = PushAll(new PushResampler(InRate, OutRate, 1), input, [input.Length]);
        var pieces = PushAll(new PushResampler(InRate, OutRate, 1), input, [3, 80, 17]);

        Assert.That(pieces, Is.EqualTo(whole).Within(1e-6f));
    }

    [Test]
    public void Push_StereoWithDifferentTones_ChannelsStaySeparate()
    {
        var left = Tone(500, InRate, InRate, 0.5f);
        var right = Tone(1500, InRate, InRate, 0.5f);
        var interleaved = new float[2 * left.Length];
        for (var i = 0; i < left.Length; i++)
        {
            interleaved[2 * i] = left[i];
            interleaved[(2 * i) + 1] = right[i];
        }

        var output = PushAll(new PushResampler(InRate, OutRate, 2), interleaved, [320]);
        var outLeft = output.Where((_, i) => i % 2 == 0).Skip(800).Take(12800).ToArray();
        var outRight = output.Where((_, i) => i % 2 == 1).Skip(800).Take(12800).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(output, Has.Length.EqualTo(2 * interleaved.Length));
            Assert.That(DominantFrequency(outLeft, OutRate), Is.EqualTo(500).Within(5));
            Assert.That(DominantFrequency(outRight, OutRate), Is.EqualTo(1500).Within(5));
        });
    }

    [Test]
    public void Push_PartialFrame_Throws()
    {
        var resampler = new PushResampler(InRate, OutRate, 2);

        Assert.That(() => resampler.Push(new float[3]), Throws.ArgumentException.With.Message.Contains("whole frames"));
    }

    private static float[] PushAll(PushResampler resampler, float[] input, int[] blockSizes)
    {
        var output = new List<float>();
        var at = 0;
        for (var b = 0; at < input.Length; b++)
        {
            var n = Math.Min(blockSizes[b % blockSizes.Length] * resampler.Channels, input.Length - at);
            output.AddRange(resampler.Push(input.AsSpan(at, n)));
            at += n;
        }

        output.AddRange(resampler.Flush());
        return [.. output];
    }

    private static float[] Tone(double hz, int rate, int frames, float amplitude) =>
        [.. Enumerable.Range(0, frames).Select(i => amplitude * (float)Math.Sin(2 * Math.PI * hz * i / rate))];

    private static double Rms(float[] x) => Math.Sqrt(x.Sum(v => (double)v * v) / x.Length);

    /// <summary>Frequency from the mean spacing of upward zero crossings.</summary>
    private static double DominantFrequency(float[] x, int rate)
    {
        var crossings = new List<double>();
        for (var i = 1; i < x.Length; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                crossings.Add(i - 1 + (-x[i - 1] / (x[i] - x[i - 1])));
            }
        }

        return rate * (crossings.Count - 1) / (crossings[^1] - crossings[0]);
    }
}
