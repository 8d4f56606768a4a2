using NUnit.Framework;

namespace CallMonitor.TestKit.Assets;

/// <summary>
/// The shared, uncommitted test material (<c>shared/audio</c>: real Mandarin recordings; <c>shared/models</c>:
/// speech models). Found through the <c>CALLMONITOR_SHARED</c> environment variable, else by walking up from the
/// test directory to the first folder with a child <c>shared</c> that holds both <c>audio/</c> and <c>models/</c>.
/// The <c>Require…</c> methods skip the calling test with a visible reason when the material is absent.
/// </summary>
public static class SharedAssets
{
    public const string EnvironmentVariable = "CALLMONITOR_SHARED";

    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The shared folder, or null when there is none.</summary>
    public static string? RootOrNull => Root.Value;

    /// <summary>The <c>shared/audio</c> folder, or null.</summary>
    public static string? AudioOrNull => Existing(Root.Value, "audio");

    /// <summary>The <c>shared/audio</c> folder; ignores the test when it is absent.</summary>
    public static string RequireAudio() => AudioOrNull ?? Skip("audio");

    /// <summary>The <c>shared/models</c> folder; ignores the test when it is absent.</summary>
    public static string RequireModels() => Existing(Root.Value, "models") ?? Skip("models");

    /// <summary>A file under the shared folder (e.g. <c>audio/real-cmn/transcripts.tsv</c>); ignores the test when absent.</summary>
    public static string RequireFile(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        var root = Root.Value;
        var path = root is null ? null : Path.Combine(root, relativePath);
        if (path is null || !File.Exists(path))
        {
            Assert.Ignore($"../shared/{relativePath} not found: {Searched()}");
        }

        return path!;
    }

    private static string Skip(string child)
    {
        Assert.Ignore($"../shared/{child} not found: {Searched()}");
        return string.Empty; // not reached: Assert.Ignore throws
    }

    private static string Searched() =>
        $"set {EnvironmentVariable} or put a 'shared' folder (with audio/ and models/) beside an ancestor of {StartDirectory()}";

    private static string? Existing(string? root, string child)
    {
        var path = root is null ? null : Path.Combine(root, child);
        return path is not null && Directory.Exists(path) ? path : null;
    }

    private static string? FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        for (var dir = new DirectoryInfo(StartDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "audio")) && Directory.Exists(Path.Combine(candidate, "models")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string StartDirectory()
    {
        var fromNUnit = TestContext.CurrentContext?.TestDirectory;
        return string.IsNullOrEmpty(fromNUnit) ? AppContext.BaseDirectory : fromNUnit;
    }
}
