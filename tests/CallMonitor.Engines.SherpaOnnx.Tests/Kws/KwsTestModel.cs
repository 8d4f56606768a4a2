using CallMonitor.Engines.SherpaOnnx.Kws;
using CallMonitor.Engines.SherpaOnnx.Tests.Support;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Kws;

/// <summary>The WenetSpeech KWS model and its test material; skips with a visible reason when absent.</summary>
internal static class KwsTestModel
{
    public const string Name = "sherpa-onnx-kws-zipformer-wenetspeech-3.3M-2024-01-01-mobile";

    /// <summary>The model folder from CALLMONITOR_MODEL_CACHE or shared/models; needs the library too.</summary>
    public static string RequireDirectory()
    {
        TestAssets.RequireLibrary();
        var cache = Environment.GetEnvironmentVariable("CALLMONITOR_MODEL_CACHE");
        if (!string.IsNullOrEmpty(cache) && File.Exists(Path.Combine(cache, Name, "tokens.txt")))
        {
            return Path.Combine(cache, Name);
        }

        return Path.GetDirectoryName(TestAssets.RequireSharedFile(Path.Combine("models", Name, "tokens.txt")))!;
    }

    /// <summary>The model's own test_keywords.txt, parsed.</summary>
    public static IReadOnlyList<KeywordSpec> TestKeywords(string modelDir) =>
        KeywordLineFormat.ParseLines(File.ReadAllText(Path.Combine(modelDir, "test_wavs", "test_keywords.txt")));

    public static float[] TestWav(string modelDir, int index) =>
        TestAudio.ReadWav(Path.Combine(modelDir, "test_wavs", $"{index}.wav"));

    /// <summary>Settings used by PROVENANCE.md's verification: threshold 0.25, score 1.0.</summary>
    public static KeywordSpotterSettings Settings(string modelDir, IReadOnlyList<KeywordSpec> keywords) =>
        new(KwsModelFiles.FromDirectory(modelDir), keywords) { Threshold = 0.25f, Boost = 1.0f };
}
