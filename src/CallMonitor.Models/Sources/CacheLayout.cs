namespace CallMonitor.Models;

// Where a model may sit in the local cache: an extracted folder named after the model or after the archive's
// root folder, or the archive file under its official name.
internal static class CacheLayout
{
    public static IEnumerable<string> FolderCandidates(ModelEntry entry, string cacheDir)
    {
        yield return Path.Combine(cacheDir, entry.Name);
        if (entry.Archive?.RootFolder is { } root && !string.Equals(root, entry.Name, StringComparison.Ordinal))
        {
            yield return Path.Combine(cacheDir, root);
        }
    }

    public static string? ArchiveCandidate(ModelEntry entry, string cacheDir) =>
        entry.Archive is null ? null : Path.Combine(cacheDir, entry.Archive.FileName);

    // A cheap look (no hashing) for doctor: a folder with every required file, or the archive file.
    public static string? FindUsable(ModelEntry entry, string? cacheDir)
    {
        if (cacheDir is null || !Directory.Exists(cacheDir))
        {
            return null;
        }

        var folder = FolderCandidates(entry, cacheDir)
            .FirstOrDefault(dir => entry.RequiredFiles.All(f => File.Exists(Path.Combine(dir, f.Path))));
        if (folder is not null)
        {
            return folder;
        }

        var archive = ArchiveCandidate(entry, cacheDir);
        return archive is not null && File.Exists(archive) ? archive : null;
    }
}
