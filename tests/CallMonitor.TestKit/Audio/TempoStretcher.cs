using System.Diagnostics;
using System.Globalization;
using CallMonitor.TestKit.Assets;

namespace CallMonitor.TestKit.Audio;

/// <summary>
/// Faster or slower speech at the same pitch, with ffmpeg's <c>atempo</c> filter (WSOLA). Results are cached by
/// content and tempo. Skips the calling test (Assert.Ignore) when ffmpeg is not installed.
/// </summary>
public static class TempoStretcher
{
    private static readonly TimeSpan ProcessLimit = TimeSpan.FromSeconds(60);

    /// <param name="samples16k">16 kHz mono audio.</param>
    /// <param name="tempo">Speed factor: 1.5 plays in two thirds of the time. Between 0.5 and 4.</param>
    public static float[] Stretch(float[] samples16k, double tempo)
    {
        ArgumentNullException.ThrowIfNull(samples16k);
        ArgumentOutOfRangeException.ThrowIfLessThan(tempo, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tempo, 4.0);
        if (tempo == 1.0 || samples16k.Length == 0)
        {
            return samples16k;
        }

        var factor = tempo.ToString("0.######", CultureInfo.InvariantCulture);
        var cachePath = TestKitCache.PathFor("tempo", TestKitCache.Key("atempo-v1", factor, TestKitCache.Key(samples16k)), "f32");
        var cached = TestKitCache.TryReadFloats(cachePath);
        if (cached is not null)
        {
            return cached;
        }

        var stretched = RunFfmpeg(ExternalTools.RequireFfmpeg(), samples16k, Filter(tempo));
        TestKitCache.WriteFloats(cachePath, stretched);
        return stretched;
    }

    /// <summary>atempo takes 0.5..2 per stage; larger factors chain stages.</summary>
    private static string Filter(double tempo)
    {
        var stages = new List<string>();
        while (tempo > 2.0)
        {
            stages.Add("atempo=2");
            tempo /= 2.0;
        }

        stages.Add($"atempo={tempo.ToString("0.######", CultureInfo.InvariantCulture)}");
        return string.Join(',', stages);
    }

    private static float[] RunFfmpeg(string ffmpeg, float[] input, string filter)
    {
        var inputPath = Path.Combine(TestKitCache.Root, $"atempo-in-{Environment.ProcessId}-{Guid.NewGuid():N}.f32");
        try
        {
            TestKitCache.WriteFloats(inputPath, input);
            var start = new ProcessStartInfo(ffmpeg)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-nostdin", "-v", "error", "-f", "f32le", "-ar", "16000", "-ac", "1", "-i", inputPath, "-filter:a", filter, "-f", "f32le", "-ar", "16000", "-ac", "1", "pipe:1" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {ffmpeg}");
            var errors = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            if (!copy.Wait(ProcessLimit) || !process.WaitForExit(ProcessLimit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"ffmpeg {filter} did not finish within {ProcessLimit.TotalSeconds} s");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg {filter} failed (exit {process.ExitCode}): {errors.Result.Trim()}");
            }

            var bytes = output.ToArray();
            var samples = new float[bytes.Length / sizeof(float)];
            Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * sizeof(float));
            return samples;
        }
        finally
        {
            File.Delete(inputPath);
        }
    }
}
