namespace CallMonitor.Compliance.Tests.Corpus;

/// <summary>
/// The compliance corpus in the repository (<c>tests/corpus/calls</c>), found by walking up from the test directory.
/// It is committed with the code, so a missing folder is a failure, not a skip.
/// </summary>
internal static class CorpusFolder
{
    public const string ExpectedSuffix = ".expected.json";
    public const string TranscriptSuffix = ".transcript.json";

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The folder, or null when no ancestor of the test directory holds it.</summary>
    public static string? PathOrNull => Found.Value;

    /// <summary>Names (<c>NN-slug</c>) of the calls with an expected file.</summary>
    public static IEnumerable<string> CallNames() => PathOrNull is { } dir
        ? Directory.GetFiles(dir, "*" + ExpectedSuffix).Select(f => Path.GetFileName(f)[..^ExpectedSuffix.Length]).Order(StringComparer.Ordinal)
        : [];

    /// <summary>Every transcript file name in the folder.</summary>
    public static IEnumerable<string> TranscriptNames() => PathOrNull is { } dir
        ? Directory.GetFiles(dir, "*" + TranscriptSuffix).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
        : [];

    public static string Require()
    {
        Assert.That(PathOrNull, Is.Not.Null, $"tests/corpus/calls not found above {TestContext.CurrentContext.TestDirectory}");
        return PathOrNull!;
    }

    private static string? Find()
    {
        var start = TestContext.CurrentContext?.TestDirectory is { Length: > 0 } t ? t : AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "corpus", "calls");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
