namespace CallMonitor.Models;

// One place a model can come from. StageAsync puts the model's files into an empty staging folder or throws a
// ModelException saying what was wrong; the installer verifies what was staged.
internal abstract class ModelSource
{
    // "cache folder /x/y": shown in progress, in the error list and in the install receipt.
    public abstract string Description { get; }

    // Cheap test whether trying makes sense at all (a folder or file exists; a download always "exists").
    public abstract bool IsPresent { get; }

    // The archive sha256 this source verified, when it had an archive with a known sha256.
    public string? VerifiedArchiveSha256 { get; protected set; }

    public abstract Task StageAsync(ModelEntry entry, string stagingDir, IProgress<string>? progress, CancellationToken cancellationToken);

    // Checks an archive file against the manifest's size and sha256 (when known) before it is opened.
    protected async Task VerifyArchiveAsync(ModelArchive archive, string path, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (archive.Size is { } size && length != size)
        {
            throw new ModelChecksumException(path, $"{size} bytes", $"{length} bytes");
        }

        if (archive.Sha256 is null)
        {
            progress?.Report($"  {archive.FileName}: the publisher gives no sha256 for the archive; each file is verified after extraction");
            return;
        }

        var actual = await FileHasher.Sha256Async(path, cancellationToken).ConfigureAwait(false);
        if (!FileHasher.SameHash(actual, archive.Sha256))
        {
            throw new ModelChecksumException(path, $"sha256 {archive.Sha256}", $"sha256 {actual}");
        }

        VerifiedArchiveSha256 = archive.Sha256;
        progress?.Report($"  {archive.FileName}: sha256 verified");
    }
}
