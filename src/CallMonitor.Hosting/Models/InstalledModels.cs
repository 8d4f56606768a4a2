using CallMonitor.Engines.Vosk.Model;
using CallMonitor.Models;

namespace CallMonitor.Hosting.Models;

/// <summary>Where the installed models are (per the model store and manifest), or null when one is not installed.</summary>
public static class InstalledModels
{
    public const string SileroVad = "silero-vad-v5";

    public const string KeywordSpotter = "sherpa-onnx-kws-zipformer-wenetspeech-3.3M-2024-01-01-mobile";

    /// <summary>Path of silero_vad.onnx when the model is installed and intact, else null.</summary>
    public static string? SileroVadModel() => StorePath(SileroVad) is { } dir ? Path.Combine(dir, "silero_vad.onnx") : null;

    /// <summary>The keyword spotter's model folder when installed and intact, else null.</summary>
    public static string? KeywordSpotterModel() => StorePath(KeywordSpotter);

    /// <summary>The committed rude-utterance classifier (models/classifier/rude-utterance.zip), or null.</summary>
    public static string? Classifier()
    {
        var root = RepositoryRoot.TryFind();
        var path = root is null ? null : Path.Combine(root, "models", "classifier", "rude-utterance.zip");
        return path is not null && File.Exists(path) ? path : null;
    }

    /// <summary>The Vosk model folder in use ($CALLMONITOR_VOSK_MODEL or the store's); it may not exist.</summary>
    public static string VoskModel() => VoskModelDirectory.DefaultPath();

    private static string? StorePath(string name)
    {
        if (RepositoryRoot.TryFind() is null)
        {
            return null;
        }

        using var store = ModelStore.CreateDefault();
        return store.TryGetPath(name);
    }
}
