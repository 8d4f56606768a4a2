using System.Globalization;

namespace CallMonitor.Models;

// Works out a model's status from what its folder holds. Every file with a known sha256 is hashed on each call:
// the default models are under 10 MB and hash in milliseconds, and a size-only shortcut would miss a file with a
// flipped byte (and Silero v5 and v6.2 even have the same size).
internal static class ModelInspector
{
    public static ModelStatus Inspect(ModelEntry entry, string modelDir, string? cacheDir)
    {
        if (!Directory.Exists(modelDir))
        {
            return NotInstalled(entry, ModelState.Missing, null, $"not installed (no folder {modelDir})", cacheDir);
        }

        var missingRequired = new List<string>();
        var missingOptional = new List<string>();
        var damaged = new List<string>();
        var verified = 0;
        var unverifiable = 0;
        long bytes = 0;
        foreach (var file in entry.Files)
        {
            var path = Path.Combine(modelDir, file.Path);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                (file.Required ? missingRequired : missingOptional).Add(file.Path);
                continue;
            }

            bytes += info.Length;
            if (file.Size is { } size && info.Length != size)
            {
                damaged.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Path} ({info.Length} bytes, expected {size})"));
            }
            else if (file.Sha256 is { } sha)
            {
                if (FileHasher.SameHash(FileHasher.Sha256(path), sha))
                {
                    verified++;
                }
                else
                {
                    damaged.Add($"{file.Path} (sha256 differs)");
                }
            }
            else
            {
                unverifiable++;
            }
        }

        var present = entry.Files.Count - missingRequired.Count - missingOptional.Count;
        if (missingRequired.Count > 0)
        {
            var state = present == 0 ? ModelState.Missing : ModelState.Incomplete;
            var detail = $"missing required files: {string.Join(", ", missingRequired)}";
            return NotInstalled(entry, state, modelDir, detail, cacheDir) with
            {
                Checksum = damaged.Count > 0 ? ChecksumState.Mismatch : ChecksumState.NotChecked,
            };
        }

        if (damaged.Count > 0)
        {
            var detail = $"damaged files: {string.Join(", ", damaged)}";
            return NotInstalled(entry, ModelState.Corrupt, modelDir, detail, cacheDir) with { Checksum = ChecksumState.Mismatch };
        }

        var checksum = unverifiable == 0 ? ChecksumState.Verified : ChecksumState.Unverifiable;
        var parts = new List<string>
        {
            checksum == ChecksumState.Verified
                ? string.Create(CultureInfo.InvariantCulture, $"{verified} files verified ({bytes / 1e6:0.0} MB)")
                : string.Create(CultureInfo.InvariantCulture, $"present, checksum unverifiable ({present} listed files found; the manifest has no per-file sha256)"),
        };
        if (missingOptional.Count > 0)
        {
            parts.Add($"optional files missing: {string.Join(", ", missingOptional)}");
        }

        if (InstallReceipt.TryRead(modelDir) is { } receipt)
        {
            var archiveNote = receipt.ArchiveSha256 is null ? string.Empty : $", archive sha256 {receipt.ArchiveSha256[..12]}… verified";
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"installed {receipt.InstalledAt:yyyy-MM-dd HH:mm}Z from {receipt.Source}{archiveNote}"));
        }

        return new ModelStatus(entry.Name, entry.Version, entry.Kind, ModelState.Installed, modelDir, checksum, string.Join("; ", parts), null, entry.IsDefault);
    }

    private static ModelStatus NotInstalled(ModelEntry entry, ModelState state, string? path, string detail, string? cacheDir)
    {
        var cached = CacheLayout.FindUsable(entry, cacheDir);
        var hint = cached is null ? InstallHints.ForMissing(entry, cacheDir) : InstallHints.ForCached(entry, cached);
        var where = cached is null ? $"not in the model cache ({InstallHints.CacheDescription(cacheDir)})" : $"the model cache has it: {cached}";
        return new ModelStatus(entry.Name, entry.Version, entry.Kind, state, path, ChecksumState.NotChecked, $"{detail}; {where}", hint, entry.IsDefault);
    }
}
