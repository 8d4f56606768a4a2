using System.Buffers.Binary;
using System.Text;
using CallMonitor.Engines.Vosk.Model;
using CallMonitor.Engines.Vosk.Native;

namespace CallMonitor.Engines.Vosk.Tests.Support;

/// <summary>Finds the real library, the real model and the shared recordings; skips with a visible reason when absent.</summary>
internal static class VoskTestAssets
{
    public static void RequireLibrary()
    {
        if (VoskLibrary.TryLoad(out var error))
        {
            return;
        }

        if (error!.Contains("not found", StringComparison.Ordinal))
        {
            Assert.Ignore($"libvosk not installed: {error}");
        }

        Assert.Fail(error);
    }

    /// <summary>The unpacked Vosk model folder, or Assert.Ignore when it is not on this machine.</summary>
    public static string RequireModel()
    {
        RequireLibrary();
        var path = VoskModelDirectory.DefaultPath(TestContext.CurrentContext.TestDirectory);
        if (!Directory.Exists(path) || VoskModelDirectory.MissingFiles(path).Count > 0)
        {
            Assert.Ignore($"Vosk model not found: set {VoskModelDirectory.ModelVariable} to an unpacked "
                + $"{VoskModelDirectory.DefaultModelName} folder (looked in {path})");
        }

        return path;
    }

    public static string RequireSharedDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CALLMONITOR_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "audio")))
            {
                return candidate;
            }
        }

        Assert.Ignore("shared test materials not found (no sibling 'shared' folder above the test directory, CALLMONITOR_SHARED unset)");
        return string.Empty;
    }

    /// <summary>(wav path, reference text) pairs of shared/audio/real-cmn/transcripts.tsv.</summary>
    public static IReadOnlyList<(string Path, string Text)> RequireTranscribedUtterances()
    {
        var root = Path.Combine(RequireSharedDirectory(), "audio", "real-cmn");
        var tsv = Path.Combine(root, "transcripts.tsv");
        if (!File.Exists(tsv))
        {
            Assert.Ignore($"{tsv} is missing from the shared test materials");
        }

        return File.ReadLines(tsv).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length >= 2 && parts[0].StartsWith("utterances/", StringComparison.Ordinal))
            .Select(parts => (Path.Combine(root, parts[0]), parts[1].Trim()))
            .Where(pair => File.Exists(pair.Item1))
            .ToArray();
    }

    /// <summary>Samples in [-1, 1] of a 16 kHz 16-bit mono PCM WAV file.</summary>
    public static float[] ReadWav16kMono(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF" || Encoding.ASCII.GetString(bytes, 8, 4) != "WAVE")
        {
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file");
        }

        for (var pos = 12; pos + 8 <= bytes.Length;)
        {
            var id = Encoding.ASCII.GetString(bytes, pos, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
            var body = bytes.AsSpan(pos + 8, Math.Min(size, bytes.Length - pos - 8));
            if (id == "fmt ")
            {
                var rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                var channels = BinaryPrimitives.ReadInt16LittleEndian(body[2..]);
                var bits = BinaryPrimitives.ReadInt16LittleEndian(body[14..]);
                if (rate != 16000 || channels != 1 || bits != 16)
                {
                    throw new InvalidDataException($"{path}: need 16 kHz mono 16-bit, got {rate} Hz {channels} ch {bits} bit");
                }
            }
            else if (id == "data")
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

        throw new InvalidDataException($"{path} has no data chunk");
    }

    /// <summary>Character error rate: Levenshtein distance over characters / reference length.</summary>
    public static double CharacterErrorRate(string reference, string hypothesis)
    {
        var r = reference.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray();
        var h = hypothesis.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray();
        var previous = Enumerable.Range(0, h.Length + 1).ToArray();
        for (var i = 1; i <= r.Length; i++)
        {
            var current = new int[h.Length + 1];
            current[0] = i;
            for (var j = 1; j <= h.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return r.Length == 0 ? (h.Length == 0 ? 0 : 1) : previous[h.Length] / (double)r.Length;
    }
}
