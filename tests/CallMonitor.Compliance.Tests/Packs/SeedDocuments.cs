using CallMonitor.TestKit.Assets;

namespace CallMonitor.Compliance.Tests.Packs;

/// <summary>
/// The seed standards (<c>shared/seeds/*.txt</c>) the default pack is written from. Tests that read them are
/// ignored, with the reason shown, when the shared folder is absent.
/// </summary>
internal static class SeedDocuments
{
    public static string RequireFolder()
    {
        var root = SharedAssets.RootOrNull;
        var folder = root is null ? null : Path.Combine(root, "seeds");
        if (folder is null || !Directory.Exists(folder))
        {
            Assert.Ignore($"../shared/seeds not found (set {SharedAssets.EnvironmentVariable} or put the shared folder beside an ancestor of the test directory)");
        }

        return folder!;
    }

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(RequireFolder(), fileName));

    /// <summary>The text between <paramref name="start"/> and the next <paramref name="end"/> in a seed.</summary>
    public static string Section(string fileName, string start, string end)
    {
        var text = Read(fileName);
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.That(from, Is.GreaterThanOrEqualTo(0), $"'{start}' not found in {fileName}");
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.That(to, Is.GreaterThan(from), $"'{end}' not found after '{start}' in {fileName}");
        return text[from..to];
    }
}
