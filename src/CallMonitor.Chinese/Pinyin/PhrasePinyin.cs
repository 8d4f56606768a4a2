namespace CallMonitor.Chinese.Pinyin;

/// <summary>
/// Spells a Chinese phrase in pinyin, with the variants a speaker may actually produce.
/// </summary>
/// <remarks>
/// Only ideographs with a reading are spelled; every other character (Latin letters, digits,
/// whitespace, punctuation) is skipped, so normalise text with
/// <see cref="Normalization.ChineseTextNormalizer"/> first when digits should be read as numerals.
/// Whitespace does not separate syllables for tone sandhi; punctuation does.
/// Variants are ranked by a small cost: citation spelling (0), the same with tone sandhi (+1), the
/// neutral tone of a particle or suffix (吗 呢 吧 了 的 子 们 个 么, +2), the k-th other common
/// reading of a character (+2 + 2k). Lower cost first; ties keep a fixed order; no duplicates.
/// </remarks>
public static class PhrasePinyin
{
    private const int SandhiCost = 1;
    private const int NeutralCost = 2;
    private const string NeutralParticles = "吗呢吧了的子们个么";

    /// <summary>Spellings of <paramref name="phrase"/> using <see cref="PinyinDictionary.Default"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<PinyinSyllable>> Spellings(string phrase, int maxVariants = 8) =>
        Spellings(phrase, PinyinDictionary.Default, maxVariants);

    /// <summary>
    /// Up to <paramref name="maxVariants"/> spellings of <paramref name="phrase"/>, most likely first; the
    /// first is always the primary reading of every character. Empty when the phrase has no ideograph.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<PinyinSyllable>> Spellings(string phrase, PinyinDictionary dictionary, int maxVariants = 8)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxVariants, 1);

        var chars = new List<char>();
        var breaks = new List<bool>();
        var options = new List<(PinyinSyllable Syllable, int Cost)[]>();
        var pendingBreak = false;
        foreach (var c in phrase)
        {
            if (dictionary.Contains(c))
            {
                chars.Add(c);
                breaks.Add(pendingBreak && chars.Count > 1);
                options.Add(Options(c, dictionary));
                pendingBreak = false;
            }
            else if (char.IsPunctuation(c))
            {
                pendingBreak = true;
            }
        }

        return chars.Count == 0 ? [] : Enumerate([.. chars], [.. breaks], options, maxVariants);
    }

    private static (PinyinSyllable, int)[] Options(char c, PinyinDictionary dictionary)
    {
        var common = dictionary.CommonReadings(c);
        var costs = new Dictionary<PinyinSyllable, int> { [common[0]] = 0 };
        var order = new List<PinyinSyllable> { common[0] };
        void Offer(PinyinSyllable s, int cost)
        {
            if (!costs.TryGetValue(s, out var known))
            {
                order.Add(s);
                costs[s] = cost;
            }
            else if (cost < known)
            {
                costs[s] = cost;
            }
        }

        if (NeutralParticles.Contains(c, StringComparison.Ordinal))
        {
            Offer(common[0].WithTone(5), NeutralCost);
        }

        for (var k = 1; k < common.Count; k++)
        {
            Offer(common[k], NeutralCost + (2 * k));
        }

        return [.. order.Select(s => (s, costs[s])).OrderBy(o => o.Item2)];
    }

    private static List<IReadOnlyList<PinyinSyllable>> Enumerate(
        char[] chars, bool[] breaks, List<(PinyinSyllable Syllable, int Cost)[]> options, int maxVariants)
    {
        // Best-first search over choice vectors; each vector is emitted as spelled, then (one step
        // later in cost) with tone sandhi applied. Ties are broken by the vector itself (earlier
        // characters keep their primary reading longest), so the order is deterministic.
        var citationTones = options.Select(o => o[0].Syllable.Tone).ToArray();
        var queue = new PriorityQueue<(int[] Choice, bool Sandhi), (int Cost, string Key)>(
            Comparer<(int Cost, string Key)>.Create((a, b) =>
                a.Cost != b.Cost ? a.Cost.CompareTo(b.Cost) : string.CompareOrdinal(a.Key, b.Key)));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<IReadOnlyList<PinyinSyllable>>();

        var start = new int[chars.Length];
        visited.Add(Key(start));
        queue.Enqueue((start, false), (0, Key(start) + "0"));
        while (results.Count < maxVariants && queue.TryDequeue(out var item, out var priority))
        {
            var spelled = item.Choice.Select((choice, i) => options[i][choice].Syllable).ToArray();
            var spelling = item.Sandhi ? ToneSandhi.Apply(chars, spelled, breaks, citationTones) : spelled;
            if (seen.Add(string.Join(' ', spelling.Select(s => s.Text))))
            {
                results.Add(spelling);
            }

            if (item.Sandhi)
            {
                continue;
            }

            queue.Enqueue((item.Choice, true), (priority.Cost + SandhiCost, Key(item.Choice) + "1"));
            for (var i = 0; i < chars.Length; i++)
            {
                if (item.Choice[i] + 1 >= options[i].Length)
                {
                    continue;
                }

                var next = (int[])item.Choice.Clone();
                next[i]++;
                if (visited.Add(Key(next)))
                {
                    var cost = next.Select((choice, p) => options[p][choice].Cost).Sum();
                    queue.Enqueue((next, false), (cost, Key(next) + "0"));
                }
            }
        }

        return results;
    }

    private static string Key(int[] choice) => string.Join(',', choice.Select(c => c.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)));
}
