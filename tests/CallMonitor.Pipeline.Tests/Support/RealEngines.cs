using CallMonitor.Acoustics.Vad;
using CallMonitor.Engines.SherpaOnnx.Kws;
using CallMonitor.Engines.SherpaOnnx.Native;
using CallMonitor.TestKit.Assets;

namespace CallMonitor.Pipeline.Tests.Support;

/// <summary>The real engines from the shared models (or CALLMONITOR_MODEL_CACHE); skips with a visible reason when absent.</summary>
internal static class RealEngines
{
    public const string KwsModel = "sherpa-onnx-kws-zipformer-wenetspeech-3.3M-2024-01-01-mobile";

    public static string RequireModel(string name, string file)
    {
        var cache = Environment.GetEnvironmentVariable("CALLMONITOR_MODEL_CACHE");
        var cached = string.IsNullOrEmpty(cache) ? null : Path.Combine(cache, name, file);
        return cached is not null && File.Exists(cached) ? cached : SharedAssets.RequireFile($"models/{name}/{file}");
    }

    public static VoiceActivityDetectorFactory Silero()
    {
        var factory = new VoiceActivityDetectorFactory(RequireModel("silero-vad-v5", "silero_vad.onnx"));
        if (factory.FallbackReason is { } reason)
        {
            Assert.Ignore($"Silero VAD cannot run here: {reason}");
        }

        return factory;
    }

    public static KeywordSpotterEngine KeywordSpotter(params string[] phrases)
    {
        if (!SherpaOnnxLibrary.TryLoad(out var error))
        {
            Assert.Ignore($"sherpa-onnx library not installed (run scripts/install-native.sh): {error}");
        }

        var model = KwsModelFiles.FromDirectory(Path.GetDirectoryName(RequireModel(KwsModel, "tokens.txt"))!);
        var specs = KeywordBuilder.For(model).Build(phrases).Specs;
        return new KeywordSpotterEngine(new KeywordSpotterSettings(model, specs));
    }
}
