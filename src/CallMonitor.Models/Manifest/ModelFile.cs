namespace CallMonitor.Models;

/// <summary>One file of an installed model.</summary>
/// <param name="Path">Path relative to the model folder, with '/' separators.</param>
/// <param name="Size">Size in bytes, or null when unknown.</param>
/// <param name="Sha256">Lower-case hex sha256, or null when unknown (then only presence is checked).</param>
/// <param name="Required">False for extras (test clips, licence, readme) the model runs without.</param>
/// <param name="Url">Official URL of this single file; used when the model has no archive.</param>
public sealed record ModelFile(string Path, long? Size, string? Sha256, bool Required, Uri? Url)
{
    /// <summary>True when the manifest gives a sha256 to verify the file against.</summary>
    public bool IsVerifiable => Sha256 is not null;
}
