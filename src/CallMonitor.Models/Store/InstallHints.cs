namespace CallMonitor.Models;

// The sentences that tell a person how to get a model: the install command, and for machines without internet
// the exact commands to run elsewhere and where to put the result.
internal static class InstallHints
{
    public const string InstallCommand = "./callmonitor models install";

    public static string CacheDescription(string? cacheDir) =>
        cacheDir is null
            ? $"{ModelEnvironment.CacheVariable} is not set"
            : $"{ModelEnvironment.CacheVariable}={cacheDir}";

    // Where a person can put the model so that an offline install finds it.
    public static string WhereToPutIt(ModelEntry entry, string? cacheDir)
    {
        var archive = entry.Archive is null ? string.Empty : $" or the archive {entry.Archive.FileName} in $CALLMONITOR_MODEL_CACHE/";
        return $"put the model in $CALLMONITOR_MODEL_CACHE/{entry.Name}/{archive} ({CacheDescription(cacheDir)}) "
            + $"and run {InstallCommand} {entry.Name}";
    }

    public static string ForCached(ModelEntry entry, string cachePath) =>
        $"{InstallCommand} {entry.Name}   (copies it from {cachePath})";

    public static string ForMissing(ModelEntry entry, string? cacheDir)
    {
        return $"{InstallCommand} {entry.Name}   (downloads {entry.OfficialUrl}; needs internet). "
            + $"Without internet, on a machine that has it run: {FetchCommands(entry)}; "
            + $"then copy the result into $CALLMONITOR_MODEL_CACHE/ on this machine ({CacheDescription(cacheDir)}) "
            + $"and run {InstallCommand} {entry.Name}";
    }

    private static string FetchCommands(ModelEntry entry)
    {
        if (entry.Archive is { } archive)
        {
            var fetch = $"curl -fL -o {archive.FileName} {archive.Url}";
            return archive.Sha256 is null
                ? fetch
                : $"{fetch} && echo '{archive.Sha256}  {archive.FileName}' | sha256sum -c -";
        }

        var files = entry.Files.Where(f => f.Url is not null)
            .Select(f => $"curl -fL --create-dirs -o {entry.Name}/{f.Path} {f.Url}");
        var sums = string.Join(" ", entry.Files.Where(f => f.Sha256 is not null).Select(f => $"'{f.Sha256}  {entry.Name}/{f.Path}'"));
        return $"{string.Join(" && ", files)} && printf '%s\\n' {sums} | sha256sum -c -";
    }
}
