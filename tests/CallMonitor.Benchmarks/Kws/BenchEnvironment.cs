using CallMonitor.Benchmarks.Cli;
using CallMonitor.Engines.SherpaOnnx.Kws;
using CallMonitor.TestKit.Assets;
using CallMonitor.TestKit.Calls;
using CallMonitor.TestKit.Phrases;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>The material a KWS benchmark run needs: shared recordings, the model, ffmpeg; found or explained.</summary>
internal sealed record BenchEnvironment(string SharedDirectory, KwsModelFiles Model, string ModelDirectory, VoiceBank Bank, IReadOnlyList<RealUtterance> Words)
{
    public const string ModelName = "sherpa-onnx-kws-zipformer-wenetspeech-3.3M-2024-01-01-mobile";

    /// <exception cref="BenchUsageException">The shared folder, the model or (with tempo changes) ffmpeg is missing.</exception>
    public static BenchEnvironment Find(KwsBenchOptions options)
    {
        var shared = options.SharedDirectory ?? Environment.GetEnvironmentVariable(SharedAssets.EnvironmentVariable) ?? SearchShared();
        if (shared is null || !Directory.Exists(Path.Combine(shared, "audio")))
        {
            throw new BenchUsageException(
                $"shared recordings not found (looked for a 'shared' folder with audio/ above {Environment.CurrentDirectory} and "
                + $"{AppContext.BaseDirectory}); pass --shared DIR or set {SharedAssets.EnvironmentVariable}");
        }

        var modelDir = options.ModelDirectory ?? FromCache() ?? Path.Combine(shared, "models", ModelName);
        if (!File.Exists(Path.Combine(modelDir, "tokens.txt")))
        {
            throw new BenchUsageException($"KWS model not found at {Path.GetFullPath(modelDir)}; pass --model DIR or run ./callmonitor models install");
        }

        if (options.TempoJitter && ExternalTools.FfmpegOrNull is null)
        {
            throw new BenchUsageException("tempo changes need ffmpeg (apt-get install -y ffmpeg); or pass --no-tempo");
        }

        var audio = Path.Combine(shared, "audio");
        return new BenchEnvironment(
            Path.GetFullPath(shared), KwsModelFiles.FromDirectory(modelDir), Path.GetFullPath(modelDir), VoiceBank.Load(audio), RealWords.Load(audio));
    }

    private static string? FromCache()
    {
        var cache = Environment.GetEnvironmentVariable("CALLMONITOR_MODEL_CACHE");
        var dir = string.IsNullOrEmpty(cache) ? null : Path.Combine(cache, ModelName);
        return dir is not null && File.Exists(Path.Combine(dir, "tokens.txt")) ? dir : null;
    }

    private static string? SearchShared()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "audio")) && Directory.Exists(Path.Combine(candidate, "models")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
