namespace CallMonitor.Models;

// The official archive file, already in the local cache under its published name.
internal sealed class CacheArchiveSource(string archivePath) : ModelSource
{
    public override string Description => $"cache archive {archivePath}";

    public override bool IsPresent => File.Exists(archivePath);

    public override async Task StageAsync(ModelEntry entry, string stagingDir, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var archive = entry.Archive ?? throw new InvalidOperationException($"model {entry.Name} has no archive");
        await VerifyArchiveAsync(archive, archivePath, progress, cancellationToken).ConfigureAwait(false);
        progress?.Report($"extracting {archivePath}");
        ArchiveExtractor.Extract(archivePath, entry, stagingDir, cancellationToken);
    }
}
