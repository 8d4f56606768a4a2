using System.Buffers.Binary;
using System.Text;
using CallMonitor.Engines.SherpaOnnx.Native;

namespace CallMonitor.Acoustics.Tests.Vad;

/// <summary>
/// Real test material for the Silero detector tests: the shared model and Mandarin clips (skipping with the
/// reason when absent), a minimal WAV reader, and signal builders.
/// </summary>
internal static class SileroTestMaterial
{
    public const int SampleRate = 16000;

    public static void RequireLibrary()
    {
        if (!SherpaOnnxLibrary.TryLoad(out var error))
        {
            Assert.Ignore($"sherpa-onnx native library unavailable: {error}");
        }
    }

    public static string RequireModel()
    {
        RequireLibrary();
        var cache = Environment.GetEnvironmentVariable("CALLMONITOR_MODEL_CACHE");
        var cached = string.IsNullOrEmpty(cache) ? null : Path.Combine(cache, "silero-vad-v5", "silero_vad.onnx");
        return cached is not null && File.Exists(cached) ? cached : RequireShared("models/silero-vad-v5/silero_vad.onnx");
    }

    public static string RequireShared(string relativePath)
    {
        var roots = new List<string>();
        var fromEnv = Environment.GetEnvironmentVariable("CALLMONITOR_SHARED");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            roots.Add(fromEnv);
        }

        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            roots.Add(Path.Combine(dir.FullName, "shared"));
        }

        var found = roots.Select(r => Path.Combine(r, relativePath)).FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Ignore($"shared test material {relativePath} not found (sibling 'shared' folder or CALLMONITOR_SHARED)");
        }

        return found!;
    }

    /// <summary>Minimal reader for 16 kHz PCM16 mono WAV (the shared clips).</summary>
    public static float[] ReadWav(string path)
    {
        var bytes = File.ReadAllBytes(path);
        for (var pos = 12; pos + 8 <= bytes.Length;)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
            var id = Encoding.ASCII.GetString(bytes, pos, 4);
            if (id == "fmt " && (BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(pos + 10)) != 1
                || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 12)) != SampleRate
                || BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(pos + 22)) != 16))
            {
                throw new InvalidDataException($"{path} is not 16 kHz PCM16 mono");
            }

            if (id == "data")
            {
                var data = bytes.AsSpan(pos + 8, Math.Min(size, bytes.Length - pos - 8));
                var samples = new float[data.Length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]) / 32768f;
                }

                return samples;
            }

            pos += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk");
    }

    /// <summary>True speech edges: first and last 10 ms frame above -40 dBFS, as [start, end) samples.</summary>
    public static (int Start, int End) EnergyEdges(float[] x)
    {
        int first = -1, last = -1;
        for (var f = 0; f + 160 <= x.Length; f += 160)
        {
            var energy = x.AsSpan(f, 160).ToArray().Sum(s => s * (double)s) / 160;
            if (10 * Math.Log10(energy + 1e-12) > -40)
            {
                first = first < 0 ? f : first;
                last = f + 160;
            }
        }

        return (first, last);
    }

    public static float[] SpeechOnly(float[] clip)
    {
        var (start, end) = EnergyEdges(clip);
        return clip[start..end];
    }

    public static float[] Silence(double seconds) => new float[(int)(seconds * SampleRate)];

    /// <summary>Uniform white noise with RMS level <paramref name="dbfs"/> (RMS 1.0 = 0 dBFS).</summary>
    public static float[] Noise(int count, double dbfs, int seed)
    {
        var rng = new Random(seed);
        var amplitude = Math.Pow(10, dbfs / 20) * Math.Sqrt(3);
        return Enumerable.Range(0, count).Select(_ => (float)(((rng.NextDouble() * 2) - 1) * amplitude)).ToArray();
    }

    public static float[] Join(double noiseDbfs, params float[][] parts)
    {
        var joined = parts.SelectMany(p => p).ToArray();
        var noise = Noise(joined.Length, noiseDbfs, seed: 17);
        for (var i = 0; i < joined.Length; i++)
        {
            joined[i] += noise[i];
        }

        return joined;
    }
}
