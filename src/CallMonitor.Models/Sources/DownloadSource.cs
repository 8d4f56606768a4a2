namespace CallMonitor.Models;

// The official URL(s): the archive, verified and extracted, or each single file. The temporary archive lives
// in the models folder (same file system as the install, no /tmp size surprises) and is deleted afterwards.
internal sealed class DownloadSource(Downloader downloader, ModelEntry entry, string tempDir, string whereToPutIt) : ModelSource
{
    public override string Description => $"download {entry.Archive?.Url ?? entry.Files.First(f => f.Url is not null).Url}";

    public override bool IsPresent => true;

    public override async Task StageAsync(ModelEntry model, string stagingDir, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (model.Archive is { } archive)
        {
            var temp = Path.Combine(tempDir, $".download-{Guid.NewGuid():N}-{archive.FileName}");
            try
            {
                await downloader.DownloadAsync(archive.Url, temp, archive.Size, archive.FileName, whereToPutIt, progress, cancellationToken).ConfigureAwait(false);
                await VerifyArchiveAsync(archive, temp, progress, cancellationToken).ConfigureAwait(false);
                progress?.Report($"extracting {archive.FileName}");
                ArchiveExtractor.Extract(temp, model, stagingDir, cancellationToken);
            }
            finally
            {
                File.Delete(temp);
            }

            return;
        }

        foreach (var file in model.Files.Where(f => f.Url is not null))
        {
            var target = Path.Combine(stagingDir, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                await downloader.DownloadAsync(file.Url!, target, file.Size, file.Path, whereToPutIt, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ModelDownloadException e) when (!file.Required)
            {
                File.Delete(target);
                progress?.Report($"  skipped optional {file.Path}: {e.Reason}");
            }
        }
    }
}
