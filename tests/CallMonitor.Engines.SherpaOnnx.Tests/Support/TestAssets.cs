using CallMonitor.Engines.SherpaOnnx.Native;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Support;

/// <summary>
/// Finds the shared test materials and the native library, and skips a test with a visible reason when one is
/// missing: these tests need the real library and the real model, never a stand-in.
/// </summary>
internal static class TestAssets
{
    public static string? SharedDirectory
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("CALLMONITOR_SHARED");
            if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
            {
                return fromEnv;
            }

            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "models")) || Directory.Exists(Path.Combine(candidate, "audio")))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    /// <summary>silero_vad.onnx from CALLMONITOR_MODEL_CACHE/silero-vad-v5 or shared/models/silero-vad-v5.</summary>
    public static string RequireSileroModel()
    {
        RequireLibrary();
        var cache = Environment.GetEnvironmentVariable("CALLMONITOR_MODEL_CACHE");
        if (!string.IsNullOrEmpty(cache))
        {
            var cached = Path.Combine(cache, "silero-vad-v5", "silero_vad.onnx");
            if (File.Exists(cached))
            {
                return cached;
            }
        }

        return RequireSharedFile(Path.Combine("models", "silero-vad-v5", "silero_vad.onnx"));
    }

    public static string RequireSharedFile(string relativePath)
    {
        var shared = SharedDirectory;
        if (shared is null)
        {
            Assert.Ignore("shared test materials not found (no sibling 'shared' folder above the test directory, CALLMONITOR_SHARED unset)");
        }

        var path = Path.Combine(shared!, relativePath);
        if (!File.Exists(path))
        {
            Assert.Ignore($"{path} is missing from the shared test materials");
        }

        return path;
    }

    /// <summary>Skips when the library is not installed; a library that exists but fails to load is a failure.</summary>
    public static void RequireLibrary()
    {
        if (SherpaOnnxLibrary.TryLoad(out var error))
        {
            return;
        }

        if (error!.Contains("not found", StringComparison.Ordinal))
        {
            Assert.Ignore($"sherpa-onnx native library not installed: {error}");
        }

        Assert.Fail(error);
    }
}
