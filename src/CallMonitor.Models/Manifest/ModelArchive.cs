namespace CallMonitor.Models;

/// <summary>The official archive a model is published in.</summary>
/// <param name="Sha256">Lower-case hex sha256 of the archive, or null when the publisher gives none.</param>
/// <param name="Size">Archive size in bytes, or null when unknown.</param>
/// <param name="RootFolder">The folder inside the archive that holds the model files (may differ from the model name).</param>
/// <param name="IncludeUnlisted">True to install every file under <paramref name="RootFolder"/>, not only the listed ones.</param>
public sealed record ModelArchive(ArchiveFormat Format, Uri Url, string? Sha256, long? Size, string? RootFolder, bool IncludeUnlisted)
{
    /// <summary>The archive's file name as published (last segment of the URL); the name looked for in the cache.</summary>
    public string FileName => Uri.UnescapeDataString(Url.Segments[^1]);
}
