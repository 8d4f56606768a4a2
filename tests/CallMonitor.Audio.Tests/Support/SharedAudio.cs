namespace CallMonitor.Audio.Tests.Support;

/// <summary>Finds /work/shared-style material: env CALLMONITOR_SHARED, else a `shared` folder beside an ancestor.</summary>
internal static class SharedAudio
{
    public static string? Root()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("CALLMONITOR_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "audio")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The files matching <paramref name="pattern"/> under shared/<paramref name="folder"/>, or Assert.Ignore with why.</summary>
    public static string[] FilesOrIgnore(string folder, string pattern)
    {
        string? root = Root();
        if (root is null)
        {
            Assert.Ignore("shared audio not found: set CALLMONITOR_SHARED or place `shared/` beside the repository");
        }

        string path = Path.Combine(root!, folder);
        string[] files = Directory.Exists(path) ? Directory.GetFiles(path, pattern).Order(StringComparer.Ordinal).ToArray() : [];
        if (files.Length == 0)
        {
            Assert.Ignore($"no {pattern} files in {path}");
        }

        return files;
    }

    public static bool FfmpegInstalled()
    {
        string[] dirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        return dirs.Any(d => File.Exists(Path.Combine(d, "ffmpeg")));
    }
}
