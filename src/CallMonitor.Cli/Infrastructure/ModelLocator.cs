using CallMonitor.Models;

namespace CallMonitor.Cli.Infrastructure;

/// <summary>Where the installed models the CLI uses are (per the model store and manifest).</summary>
public static class ModelLocator
{
    public const string SileroVad = "silero-vad-v5";

    /// <summary>Path of silero_vad.onnx when the model is installed and intact, else null.</summary>
    public static string? SileroVadModel()
    {
        if (RepositoryRoot.TryFind() is null)
        {
            return null;
        }

        using var store = ModelStore.CreateDefault();
        var status = store.GetStatus(SileroVad);
        return status.IsUsable && status.Path is not null ? Path.Combine(status.Path, "silero_vad.onnx") : null;
    }
}
