using CallMonitor.TestKit.Calls;

namespace CallMonitor.TestKit.Phrases;

/// <summary>
/// The single real words of <c>shared/audio/real-cmn/words</c> (喂, 清楚, 再见 …), listed in <c>words.tsv</c>: a
/// second voice for phrases the agent voice bank also has, and the only one for words it lacks.
/// </summary>
public static class RealWords
{
    /// <summary>Every word recording, ordered by file name.</summary>
    /// <exception cref="FileNotFoundException"><c>real-cmn/words.tsv</c> is missing under <paramref name="audioRoot"/>.</exception>
    public static IReadOnlyList<RealUtterance> Load(string audioRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(audioRoot);
        var list = Path.Combine(audioRoot, "real-cmn", "words.tsv");
        if (!File.Exists(list))
        {
            throw new FileNotFoundException($"word list {list} is missing; is {audioRoot} the shared audio folder?", list);
        }

        return File.ReadAllLines(list)
            .Skip(1)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length >= 2 && parts[1].Length > 0)
            .Select(parts => new RealUtterance(Path.Combine(audioRoot, "real-cmn", parts[0]), parts[1]))
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
    }
}
