using System.Buffers.Binary;
using CallMonitor.Audio.Providers;

namespace CallMonitor.Audio.Tests.Support;

/// <summary>Test signals and the physical measurements used on them.</summary>
internal static class Signals
{
    /// <summary>Interleaved frames; channel c carries a sine of <paramref name="frequencies"/>[c] Hz (0 = silence).</summary>
    public static float[] Sines(int sampleRate, int frames, float amplitude, params double[] frequencies)
    {
        int channels = frequencies.Length;
        var samples = new float[frames * channels];
        for (int f = 0; f < frames; f++)
        {
            for (int c = 0; c < channels; c++)
            {
                samples[(f * channels) + c] = (float)(amplitude * Math.Sin(2 * Math.PI * frequencies[c] * f / sampleRate));
            }
        }

        return samples;
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (float s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    public static double Db(double ratio) => 20 * Math.Log10(ratio);

    /// <summary>Amplitude of the <paramref name="frequency"/> component (single-bin DFT over a Hann window).</summary>
    public static double ToneAmplitude(ReadOnlySpan<float> samples, int sampleRate, double frequency)
    {
        double re = 0;
        double im = 0;
        double windowSum = 0;
        int n = samples.Length;
        for (int i = 0; i < n; i++)
        {
            double w = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (n - 1)));
            double phase = 2 * Math.PI * frequency * i / sampleRate;
            re += w * samples[i] * Math.Cos(phase);
            im += w * samples[i] * Math.Sin(phase);
            windowSum += w;
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / windowSum;
    }

    /// <summary>One channel out of interleaved samples.</summary>
    public static float[] Channel(ReadOnlySpan<float> interleaved, int channels, int channel)
    {
        var result = new float[interleaved.Length / channels];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = interleaved[(i * channels) + channel];
        }

        return result;
    }

    /// <summary>Reads a provider to the end in chunks of <paramref name="chunk"/> samples.</summary>
    public static float[] ReadAll(ISampleProvider provider, int chunk = 4096)
    {
        var all = new List<float>();
        var buffer = new float[chunk];
        int read;
        while ((read = provider.Read(buffer)) > 0)
        {
            all.AddRange(buffer.AsSpan(0, read));
        }

        return [.. all];
    }

    public static byte[] Pcm16Bytes(ReadOnlySpan<float> samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), (short)Math.Round(Math.Clamp(samples[i], -1f, 32767f / 32768f) * 32768));
        }

        return bytes;
    }

    public static byte[] Int16Bytes(params short[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), values[i]);
        }

        return bytes;
    }
}
