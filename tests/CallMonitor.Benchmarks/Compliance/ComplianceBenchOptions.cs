using CallMonitor.Benchmarks.Cli;
using CallMonitor.TestKit.Assets;

namespace CallMonitor.Benchmarks.Compliance;

/// <summary>Options of <c>callmonitor-bench compliance</c>.</summary>
internal sealed record ComplianceBenchOptions(string Corpus, string? SharedDirectory, string Vad, bool RefreshRendered)
{
    public const string Usage = """
        usage: callmonitor-bench compliance [--corpus DIR] [--shared DIR] [--vad silero|energy] [--refresh-rendered]
          --corpus DIR         the corpus calls (default: tests/corpus/calls above the working directory)
          --shared DIR         ../shared with audio/ and models/ (default: $CALLMONITOR_SHARED, else searched upwards)
          --vad silero|energy  voice-activity detector for the rendered calls (default silero)
          --refresh-rendered   rewrite the transcripts of the rendered calls from their scripts and print their
                               silences and overlaps (for writing expectations), then stop
        Runs every corpus call through the default rule pack and compares with the expected violations
        (same type and speaker, overlapping or within 2 s, one to one). Prints figures; asserts nothing.
        """;

    /// <exception cref="BenchUsageException">An unknown option or value.</exception>
    public static ComplianceBenchOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args, new HashSet<string>(["--refresh-rendered"], StringComparer.Ordinal));
        var corpus = reader.Text("--corpus") ?? FindUpwards(Path.Combine("tests", "corpus", "calls"))
            ?? throw new BenchUsageException("tests/corpus/calls not found above the working directory; pass --corpus DIR");
        var shared = reader.Text("--shared") ?? Environment.GetEnvironmentVariable(SharedAssets.EnvironmentVariable) ?? FindUpwards("shared", "audio");
        var vad = reader.Text("--vad") ?? "silero";
        if (vad is not ("silero" or "energy"))
        {
            throw new BenchUsageException($"--vad takes silero or energy, got '{vad}'");
        }

        var refresh = reader.Flag("--refresh-rendered");
        reader.RejectUnknown();
        return new ComplianceBenchOptions(Path.GetFullPath(corpus), shared is null ? null : Path.GetFullPath(shared), vad, refresh);
    }

    /// <summary>The first <paramref name="relative"/> folder above the working or program directory (holding <paramref name="child"/>, if given).</summary>
    private static string? FindUpwards(string relative, string? child = null)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(child is null ? candidate : Path.Combine(candidate, child)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
