namespace CallMonitor.Models;

// Installs one model: tries the sources in order (cache folder, cache archive, official URL), stages the files
// next to the install, verifies them, then swaps the staged folder in. A failed source leaves the installed
// folder as it was. One install per model at a time (a lock file in the models folder).
internal sealed class ModelInstaller(string modelsDir, string? cacheDir, Downloader downloader, TimeProvider time)
{
    public async Task<ModelStatus> InstallAsync(ModelEntry entry, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(modelsDir);
        var modelDir = Path.Combine(modelsDir, entry.Name);
        using var installLock = AcquireLock(entry);
        var before = ModelInspector.Inspect(entry, modelDir, cacheDir);
        if (before.IsUsable && IsComplete(entry, modelDir))
        {
            progress?.Report($"{entry.Name} {entry.Version} is already installed ({before.Detail})");
            return before;
        }

        if (before.State != ModelState.Missing)
        {
            progress?.Report($"{entry.Name} ({before.State}): {before.Detail}; installing it again");
        }

        var attempts = new List<string>();
        foreach (var source in Sources(entry))
        {
            if (!source.IsPresent)
            {
                attempts.Add($"{source.Description}: not there");
                continue;
            }

            var staging = Path.Combine(modelsDir, $".staging-{entry.Name}-{Guid.NewGuid():N}");
            try
            {
                Directory.CreateDirectory(staging);
                await source.StageAsync(entry, staging, progress, cancellationToken).ConfigureAwait(false);
                await StagedModelVerifier.VerifyAsync(entry, staging, source.Description, progress, cancellationToken).ConfigureAwait(false);
                new InstallReceipt(entry.Name, entry.Version, source.Description, source.VerifiedArchiveSha256, time.GetUtcNow()).Write(staging);
                Swap(staging, modelDir);
                var after = ModelInspector.Inspect(entry, modelDir, cacheDir);
                progress?.Report($"installed {entry.Name} {entry.Version} into {modelDir} ({after.Detail})");
                return after;
            }
            catch (ModelException e)
            {
                attempts.Add(e.Message);
                progress?.Report($"  {e.Message}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                attempts.Add($"{source.Description}: {e.Message}");
                progress?.Report($"  {source.Description}: {e.Message}");
            }
            finally
            {
                DeleteQuietly(staging);
            }
        }

        if (before.IsUsable)
        {
            progress?.Report($"{entry.Name}: kept the installed copy; no source had the missing optional files");
            return before;
        }

        throw new ModelInstallException(entry.Name, attempts, InstallHints.ForMissing(entry, cacheDir));
    }

    private IEnumerable<ModelSource> Sources(ModelEntry entry)
    {
        if (cacheDir is not null)
        {
            foreach (var folder in CacheLayout.FolderCandidates(entry, cacheDir))
            {
                yield return new CacheFolderSource(folder);
            }

            if (CacheLayout.ArchiveCandidate(entry, cacheDir) is { } archive)
            {
                yield return new CacheArchiveSource(archive);
            }
        }

        yield return new DownloadSource(downloader, entry, modelsDir, InstallHints.WhereToPutIt(entry, cacheDir));
    }

    private static bool IsComplete(ModelEntry entry, string modelDir) =>
        entry.Files.All(f => File.Exists(Path.Combine(modelDir, f.Path)));

    // Rename the old folder away, the staged one in, then delete the old: the model folder is never half-written.
    private static void Swap(string staging, string modelDir)
    {
        string? old = null;
        if (Directory.Exists(modelDir))
        {
            old = Path.Combine(Path.GetDirectoryName(modelDir)!, $".old-{Path.GetFileName(modelDir)}-{Guid.NewGuid():N}");
            Directory.Move(modelDir, old);
        }

        Directory.Move(staging, modelDir);
        if (old is not null)
        {
            DeleteQuietly(old);
        }
    }

    private FileStream AcquireLock(ModelEntry entry)
    {
        var path = Path.Combine(modelsDir, $".{entry.Name}.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new ModelSourceException(path, $"another install of {entry.Name} is running (or its lock file is held); wait for it and try again", e);
        }
    }

    private static void DeleteQuietly(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftover staging folders are hidden (.staging-*) and gitignored; the next install uses a new name.
        }
    }
}
