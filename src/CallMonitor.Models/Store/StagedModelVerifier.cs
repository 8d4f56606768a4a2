using System.Globalization;

namespace CallMonitor.Models;

// Checks a staged model before it replaces the installed one: every required file present, every file with a
// known size/sha256 matching. A bad optional file is dropped with a note rather than failing the install.
internal static class StagedModelVerifier
{
    public static async Task VerifyAsync(ModelEntry entry, string stagingDir, string source, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var missing = entry.RequiredFiles.Select(f => f.Path).Where(p => !File.Exists(Path.Combine(stagingDir, p))).ToList();
        if (missing.Count > 0)
        {
            throw new ModelSourceException(source, $"lacks required files: {string.Join(", ", missing)}");
        }

        foreach (var file in entry.Files)
        {
            var path = Path.Combine(stagingDir, file.Path);
            if (!File.Exists(path))
            {
                progress?.Report($"  optional {file.Path} is not in {source}");
                continue;
            }

            var problem = await CheckAsync(file, path, cancellationToken).ConfigureAwait(false);
            if (problem is null)
            {
                continue;
            }

            if (file.Required)
            {
                throw new ModelChecksumException($"{source}: {file.Path}", problem.Value.Expected, problem.Value.Actual);
            }

            File.Delete(path);
            progress?.Report($"  skipped optional {file.Path}: expected {problem.Value.Expected}, got {problem.Value.Actual}");
        }
    }

    private static async Task<(string Expected, string Actual)?> CheckAsync(ModelFile file, string path, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (file.Size is { } size && length != size)
        {
            return (Bytes(size), Bytes(length));
        }

        if (file.Sha256 is not { } expected)
        {
            return null;
        }

        var actual = await FileHasher.Sha256Async(path, cancellationToken).ConfigureAwait(false);
        return FileHasher.SameHash(actual, expected) ? null : ($"sha256 {expected}", $"sha256 {actual}");
    }

    private static string Bytes(long n) => string.Create(CultureInfo.InvariantCulture, $"{n} bytes");
}
