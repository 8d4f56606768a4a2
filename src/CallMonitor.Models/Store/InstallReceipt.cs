using System.Text.Json;

namespace CallMonitor.Models;

// A small file the installer leaves in each model folder: which version, from which source, when, and the
// archive sha256 it verified (the only check possible for models without per-file sha256). doctor shows it.
internal sealed record InstallReceipt(string Name, string Version, string Source, string? ArchiveSha256, DateTimeOffset InstalledAt)
{
    public const string FileName = ".callmonitor-install.json";

    public void Write(string modelDir) =>
        File.WriteAllText(Path.Combine(modelDir, FileName), JsonSerializer.Serialize(this, ModelsJsonContext.Default.InstallReceipt));

    // A missing or unreadable receipt only costs some detail in the status, so it is not an error.
    public static InstallReceipt? TryRead(string modelDir)
    {
        var path = Path.Combine(modelDir, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), ModelsJsonContext.Default.InstallReceipt) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
