using CallMonitor.Chinese.Unihan;

namespace CallMonitor.Chinese.Pinyin;

/// <summary>
/// Mandarin readings of the CJK Unified Ideographs U+4E00..U+9FFF, from Unihan. Each character has
/// its readings most common first: the kMandarin reading, then readings attested in the kHanyuPinlu
/// frequency corpus (at least 1% of the character's most frequent reading) — together the
/// <em>common</em> readings — then the remaining readings of two modern standard dictionaries
/// (kXHC1983, kTGHZ2013). Thread-safe and immutable; loaded on first use.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "A pronouncing dictionary in the everyday sense, not a collection type; the name is the agreed API.")]
public sealed class PinyinDictionary
{
    private static readonly Lazy<PinyinDictionary> Shared = new(Load);
    private static readonly PinyinSyllable[] None = [];

    private readonly PinyinSyllable[][] _readings;
    private readonly byte[] _commonCounts;

    private PinyinDictionary(PinyinSyllable[][] readings, byte[] commonCounts, int count)
    {
        _readings = readings;
        _commonCounts = commonCounts;
        Count = count;
    }

    /// <summary>The dictionary built from the Unihan tables embedded in this assembly.</summary>
    /// <exception cref="UnihanDataException">The embedded tables are missing or corrupt.</exception>
    public static PinyinDictionary Default => Shared.Value;

    /// <summary>Number of characters with at least one reading.</summary>
    public int Count { get; }

    /// <summary>True when <paramref name="c"/> is an ideograph with a known reading.</summary>
    public bool Contains(char c) => Slot(c) is { } slot && _readings[slot].Length > 0;

    /// <summary>All readings of <paramref name="c"/>, most common first; empty for other characters.</summary>
    public IReadOnlyList<PinyinSyllable> Readings(char c) => Slot(c) is { } slot ? _readings[slot] : None;

    /// <summary>The common readings of <paramref name="c"/> (kMandarin and frequent corpus readings).</summary>
    public IReadOnlyList<PinyinSyllable> CommonReadings(char c) =>
        Slot(c) is { } slot ? new ArraySegment<PinyinSyllable>(_readings[slot], 0, _commonCounts[slot]) : None;

    /// <summary>The most common reading of <paramref name="c"/>, or null for characters without one.</summary>
    public PinyinSyllable? Primary(char c) => Slot(c) is { } slot && _readings[slot].Length > 0 ? _readings[slot][0] : null;

    private static int? Slot(char c) =>
        c is >= UnihanResources.FirstIdeograph and <= UnihanResources.LastIdeograph ? c - UnihanResources.FirstIdeograph : null;

    private static PinyinDictionary Load()
    {
        const int size = UnihanResources.LastIdeograph - UnihanResources.FirstIdeograph + 1;
        var readings = new PinyinSyllable[size][];
        Array.Fill(readings, None);
        var common = new byte[size];
        var syllables = new Dictionary<string, PinyinSyllable>(StringComparer.Ordinal);
        var count = 0;
        foreach (var line in UnihanResources.ReadLines(UnihanResources.PinyinResource))
        {
            // char TAB common readings TAB dictionary-only readings
            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[0].Length != 1 || Slot(fields[0][0]) is not { } slot || fields[1].Length == 0)
            {
                throw new UnihanDataException(
                    $"Unexpected line in {UnihanResources.PinyinResource}: '{line}'; rebuild CallMonitor.Chinese.");
            }

            var first = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var rest = fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            readings[slot] = [.. first.Concat(rest).Select(s => Intern(syllables, s))];
            common[slot] = (byte)Math.Min(first.Length, byte.MaxValue);
            count++;
        }

        return new PinyinDictionary(readings, common, count);
    }

    private static PinyinSyllable Intern(Dictionary<string, PinyinSyllable> syllables, string text)
    {
        if (!syllables.TryGetValue(text, out var syllable))
        {
            try
            {
                syllable = PinyinSyllable.Parse(text);
            }
            catch (FormatException ex)
            {
                throw new UnihanDataException($"The embedded pinyin table holds an invalid syllable '{text}'.", ex);
            }

            syllables.Add(text, syllable);
        }

        return syllable;
    }
}
