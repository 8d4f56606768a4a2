namespace CallMonitor.Models;

/// <summary>One model as `doctor` shows it.</summary>
/// <param name="Path">The model folder, when it exists.</param>
/// <param name="Detail">What was found: file counts, missing or damaged files, where it was installed from.</param>
/// <param name="InstallHint">What to run to install or repair it; null when nothing is needed.</param>
/// <param name="IsDefault">True for the models CallMonitor needs by default (VAD, KWS).</param>
public sealed record ModelStatus(
    string Name,
    string Version,
    string Kind,
    ModelState State,
    string? Path,
    ChecksumState Checksum,
    string? Detail,
    string? InstallHint,
    bool IsDefault)
{
    /// <summary>True when the model can be loaded: installed and no file fails its check.</summary>
    public bool IsUsable => State == ModelState.Installed;
}
