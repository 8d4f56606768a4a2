using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Providers;
using CallMonitor.Audio.Sources;

namespace CallMonitor.TestKit.Audio;

/// <summary>
/// Decodes audio files (FLAC, WAV, anything <see cref="AudioSource"/> opens) to 16 kHz mono float through the
/// project's own audio library; decoded clips are cached on disk (<see cref="TestKitCache"/>) and in memory.
/// </summary>
public static class ClipLoader
{
    public const int SampleRate = 16000;

    private static readonly Dictionary<string, float[]> Loaded = [];
    private static readonly Lock Gate = new();

    /// <summary>The clip at <paramref name="path"/> as 16 kHz mono (channels averaged). Do not modify the array.</summary>
    public static float[] Load16kMono(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"audio clip {path} does not exist", path);
        }

        var key = TestKitCache.Key("clip-v1", info.FullName, info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), info.LastWriteTimeUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        lock (Gate)
        {
            if (Loaded.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var cachePath = TestKitCache.PathFor("clips", key, "f32");
        var samples = TestKitCache.TryReadFloats(cachePath);
        if (samples is null)
        {
            samples = Decode(info.FullName);
            TestKitCache.WriteFloats(cachePath, samples);
        }

        lock (Gate)
        {
            Loaded[key] = samples;
        }

        return samples;
    }

    /// <summary>Reads a whole provider to 16 kHz mono (channels averaged).</summary>
    public static float[] ReadAll16kMono(ISampleProvider source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var resampled = source.ToSampleRate(SampleRate);
        var channels = resampled.WaveFormat.Channels;
        var buffer = new float[4096 * channels];
        var mono = new List<float>();
        int read;
        while ((read = resampled.Read(buffer)) > 0)
        {
            for (var i = 0; i + channels <= read; i += channels)
            {
                float sum = 0;
                for (var c = 0; c < channels; c++)
                {
                    sum += buffer[i + c];
                }

                mono.Add(sum / channels);
            }
        }

        return [.. mono];
    }

    private static float[] Decode(string path)
    {
        using var reader = AudioSource.Open(path);
        return ReadAll16kMono(reader.ToSampleProvider());
    }
}
