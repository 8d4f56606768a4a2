namespace CallMonitor.Models;

// An extracted copy of the model in the local cache (like shared/models/<name>/). Files are copied, never
// linked: the cache may go away after the install. Copies get mode 0644 whatever the cache's mode.
internal sealed class CacheFolderSource(string folder) : ModelSource
{
    public override string Description => $"cache folder {folder}";

    public override bool IsPresent => Directory.Exists(folder);

    public override Task StageAsync(ModelEntry entry, string stagingDir, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report($"copying {entry.Name} from {folder}");
        var paths = entry.Archive is { IncludeUnlisted: true }
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(folder, p))
            : entry.Files.Select(f => f.Path).Where(p => File.Exists(Path.Combine(folder, p)));
        foreach (var relative in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = Path.Combine(stagingDir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(folder, relative), target, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                // A read-only cache (shared/models is r--r--r--) must not give read-only installed copies.
                File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }

        return Task.CompletedTask;
    }
}
