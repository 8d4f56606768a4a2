using NUnit.Framework;

namespace CallMonitor.TestKit.Assets;

/// <summary>Command-line tools some test material needs (ffmpeg for tempo changes); tests skip visibly without them.</summary>
public static class ExternalTools
{
    private static readonly Lazy<string?> Ffmpeg = new(() => FindOnPath("ffmpeg"));

    /// <summary>Full path of ffmpeg on PATH, or null.</summary>
    public static string? FfmpegOrNull => Ffmpeg.Value;

    /// <summary>Full path of ffmpeg; ignores the test when it is not installed.</summary>
    public static string RequireFfmpeg()
    {
        if (Ffmpeg.Value is null)
        {
            Assert.Ignore("ffmpeg not found on PATH (install it: apt-get install -y ffmpeg)");
        }

        return Ffmpeg.Value!;
    }

    /// <summary>The first executable called <paramref name="name"/> on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var suffixes = OperatingSystem.IsWindows() ? new[] { ".exe", string.Empty } : [string.Empty];
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var suffix in suffixes)
            {
                var candidate = Path.Combine(dir, name + suffix);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
