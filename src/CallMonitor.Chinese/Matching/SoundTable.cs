using CallMonitor.Chinese.Pinyin;
using CallMonitor.Chinese.Unihan;

namespace CallMonitor.Chinese.Matching;

/// <summary>
/// Every ideograph's common readings as small integer tokens: toneless syllable ids (for homophones),
/// the same widened by the <see cref="PinyinTolerance.Near"/> confusions, and toned ids (for scoring).
/// A character without a reading is its own token (<see cref="Literal"/>), so it only ever matches itself.
/// </summary>
internal sealed class SoundTable
{
    private const int ToneSlots = 8;
    private static readonly Lazy<SoundTable> Shared = new(() => Build(PinyinDictionary.Default));

    // Confusable initials, both directions listed; a syllable takes at most one of these steps.
    private static readonly (string From, string To)[] InitialConfusions =
    [
        ("zh", "z"), ("z", "zh"), ("ch", "c"), ("c", "ch"), ("sh", "s"), ("s", "sh"),
        ("n", "l"), ("l", "n"), ("f", "h"), ("h", "f"), ("r", "l"), ("l", "r"),
    ];

    private readonly int[][] _homophones;
    private readonly int[][] _near;
    private readonly int[][] _toned;

    private SoundTable(int[][] homophones, int[][] near, int[][] toned, int syllableCount)
    {
        _homophones = homophones;
        _near = near;
        _toned = toned;
        SyllableCount = syllableCount;
    }

    public static SoundTable Default => Shared.Value;

    /// <summary>Number of toneless syllables; tokens below it are syllables, the rest literals.</summary>
    public int SyllableCount { get; }

    /// <summary>The token of a character that matches only itself.</summary>
    public int Literal(char c) => SyllableCount + c;

    /// <summary>Toneless syllable tokens of <paramref name="c"/>'s common readings; empty without a reading.</summary>
    public ReadOnlySpan<int> Homophones(char c) => Slot(c) is { } slot ? _homophones[slot] : [];

    /// <summary><see cref="Homophones"/> plus every near-confusable syllable.</summary>
    public ReadOnlySpan<int> Near(char c) => Slot(c) is { } slot ? _near[slot] : [];

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> share a common reading with its tone.</summary>
    public bool SameToned(char a, char b) => Shares(_toned, a, b);

    /// <summary>True when the two share a common reading, tones ignored.</summary>
    public bool SameToneless(char a, char b) => Shares(_homophones, a, b);

    private static bool Shares(int[][] table, char a, char b)
    {
        if (Slot(a) is not { } x || Slot(b) is not { } y)
        {
            return false;
        }

        foreach (var token in table[x])
        {
            if (Array.IndexOf(table[y], token) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int? Slot(char c) =>
        c is >= UnihanResources.FirstIdeograph and <= UnihanResources.LastIdeograph ? c - UnihanResources.FirstIdeograph : null;

    private static SoundTable Build(PinyinDictionary dictionary)
    {
        const int size = UnihanResources.LastIdeograph - UnihanResources.FirstIdeograph + 1;
        var readings = new PinyinSyllable[size][];
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var slot = 0; slot < size; slot++)
        {
            readings[slot] = [.. dictionary.CommonReadings((char)(UnihanResources.FirstIdeograph + slot))];
            foreach (var syllable in readings[slot])
            {
                ids.TryAdd(syllable.Toneless, ids.Count);
            }
        }

        var homophones = new int[size][];
        var near = new int[size][];
        var toned = new int[size][];
        var nearCache = new Dictionary<int, int[]>();
        for (var slot = 0; slot < size; slot++)
        {
            var syllables = readings[slot];
            homophones[slot] = [.. syllables.Select(s => ids[s.Toneless]).Distinct()];
            toned[slot] = [.. syllables.Select(s => (ids[s.Toneless] * ToneSlots) + s.Tone).Distinct()];
            near[slot] = [.. syllables.SelectMany(s => NearIds(s, ids, nearCache)).Distinct()];
        }

        return new SoundTable(homophones, near, toned, ids.Count);
    }

    private static int[] NearIds(PinyinSyllable syllable, Dictionary<string, int> ids, Dictionary<int, int[]> cache)
    {
        var id = ids[syllable.Toneless];
        if (!cache.TryGetValue(id, out var result))
        {
            var initial = syllable.Initial;
            var final = syllable.Toneless[initial.Length..];
            var initials = new List<string> { initial };
            initials.AddRange(InitialConfusions.Where(c => c.From == initial).Select(c => c.To));
            var finals = new List<string> { final };
            if (final.EndsWith("ng", StringComparison.Ordinal) && final.Length > 2)
            {
                finals.Add(final[..^1]);
            }
            else if (final.EndsWith("an", StringComparison.Ordinal) || final.EndsWith("en", StringComparison.Ordinal)
                || final.EndsWith("in", StringComparison.Ordinal))
            {
                finals.Add(final + "g");
            }

            // Spellings that are no syllable of Mandarin (e.g. "fong") cannot occur in a phrase: dropped.
            result = [.. initials.SelectMany(i => finals.Select(f => i + f))
                .Select(s => ids.TryGetValue(s, out var known) ? known : -1)
                .Where(known => known >= 0)
                .Distinct()];
            cache.Add(id, result);
        }

        return result;
    }
}
