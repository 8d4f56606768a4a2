using System.Buffers.Binary;
using System.Text;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Support;

/// <summary>Reads 16 kHz 16-bit mono WAV files and builds test signals (silence, noise, padding).</summary>
internal static class TestAudio
{
    public const int SampleRate = 16000;

    public static float[] ReadWav(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF" || Encoding.ASCII.GetString(bytes, 8, 4) != "WAVE")
        {
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file");
        }

        var pos = 12;
        var formatChecked = false;
        while (pos + 8 <= bytes.Length)
        {
            var id = Encoding.ASCII.GetString(bytes, pos, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
            var body = bytes.AsSpan(pos + 8, Math.Min(size, bytes.Length - pos - 8));
            if (id == "fmt ")
            {
                var format = BinaryPrimitives.ReadInt16LittleEndian(body);
                var channels = BinaryPrimitives.ReadInt16LittleEndian(body[2..]);
                var rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                var bits = BinaryPrimitives.ReadInt16LittleEndian(body[14..]);
                if (format != 1 || channels != 1 || rate != SampleRate || bits != 16)
                {
                    throw new InvalidDataException($"{path}: need PCM16 mono {SampleRate} Hz, got format {format}, {channels} ch, {rate} Hz, {bits} bit");
                }

                formatChecked = true;
            }
            else if (id == "data" && formatChecked)
            {
                var samples = new float[body.Length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(2 * i)..]) / 32768f;
                }

                return samples;
            }

            pos += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no fmt/data chunks");
    }

    /// <summary>First and last 10 ms frame whose level is above <paramref name="thresholdDbfs"/>, as [start, end) samples.</summary>
    public static (int Start, int End) EnergyEdges(float[] samples, double thresholdDbfs = -40)
    {
        const int frame = SampleRate / 100;
        int first = -1, last = -1;
        for (var f = 0; f + frame <= samples.Length; f += frame)
        {
            double sum = 0;
            for (var i = f; i < f + frame; i++)
            {
                sum += samples[i] * (double)samples[i];
            }

            if (10 * Math.Log10((sum / frame) + 1e-12) > thresholdDbfs)
            {
                first = first < 0 ? f : first;
                last = f + frame;
            }
        }

        return (first, last);
    }

    /// <summary>Uniform white noise whose RMS level is <paramref name="dbfs"/> (an RMS of 1.0 is 0 dBFS).</summary>
    public static float[] Noise(int count, double dbfs, int seed)
    {
        var rng = new Random(seed);
        var amplitude = Math.Pow(10, dbfs / 20) * Math.Sqrt(3);
        var noise = new float[count];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = (float)(((rng.NextDouble() * 2) - 1) * amplitude);
        }

        return noise;
    }

    /// <summary>Joins the parts end to end and adds noise at <paramref name="noiseDbfs"/> (none when null).</summary>
    public static float[] Concat(double? noiseDbfs, params float[][] parts)
    {
        var joined = parts.SelectMany(p => p).ToArray();
        if (noiseDbfs is { } level)
        {
            var noise = Noise(joined.Length, level, 11);
            for (var i = 0; i < joined.Length; i++)
            {
                joined[i] += noise[i];
            }
        }

        return joined;
    }

    public static float[] Silence(double seconds) => new float[(int)(seconds * SampleRate)];
}
