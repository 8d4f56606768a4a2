namespace CallMonitor.TestKit.Phrases;

/// <summary>
/// Tells whether text or syllables say (or sound like) any of a set of phrases, so filler speech around planted
/// phrases holds no accidental extra one. Sounding alike is judged without tones (a spotter hears 位 wèi in 喂 wèi,
/// and tones are easily blurred): a character matches a phrase character when their toneless readings share one.
/// The readings come from the caller (the test kit has no pinyin table of its own).
/// </summary>
public sealed class PhraseGuard
{
    private readonly List<(string Text, HashSet<string>[] Sounds)> _phrases;
    private readonly Func<char, IReadOnlyList<string>> _readings;

    /// <param name="phrases">Chinese phrases to keep out of filler speech.</param>
    /// <param name="tonelessReadings">Every reading of a character without tone, in ASCII (e.g. 绿: "lv", "lu"); empty for non-Chinese.</param>
    public PhraseGuard(IEnumerable<string> phrases, Func<char, IReadOnlyList<string>> tonelessReadings)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentNullException.ThrowIfNull(tonelessReadings);
        _readings = tonelessReadings;
        _phrases = phrases.Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal)
            .Select(p => (p, p.Select(Sounds).ToArray()))
            .ToList();
    }

    /// <summary>Phrases that <paramref name="text"/> says or sounds like, with the character where each starts.</summary>
    public IReadOnlyList<(string Phrase, int Start)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sounds = text.Select(Sounds).ToArray();
        var found = new List<(string, int)>();
        foreach (var (phrase, phraseSounds) in _phrases)
        {
            for (var start = 0; start + phrase.Length <= text.Length; start++)
            {
                var alike = true;
                for (var i = 0; i < phrase.Length && alike; i++)
                {
                    alike = text[start + i] == phrase[i] || phraseSounds[i].Overlaps(sounds[start + i]);
                }

                if (alike)
                {
                    found.Add((phrase, start));
                }
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="text"/> neither says nor sounds like any phrase.</summary>
    public bool IsClean(string text) => Find(text).Count == 0;

    /// <summary>
    /// True when the toneful pinyin syllables (<c>ni3 hao3</c>, ü written v) contain no phrase's sound in a row.
    /// </summary>
    public bool IsClean(IReadOnlyList<string> numberedSyllables)
    {
        ArgumentNullException.ThrowIfNull(numberedSyllables);
        var sounds = numberedSyllables.Select(s => Normalize(s.TrimEnd('0', '1', '2', '3', '4', '5'))).ToArray();
        foreach (var (phrase, phraseSounds) in _phrases)
        {
            for (var start = 0; start + phrase.Length <= sounds.Length; start++)
            {
                var alike = true;
                for (var i = 0; i < phrase.Length && alike; i++)
                {
                    alike = phraseSounds[i].Contains(sounds[start + i]);
                }

                if (alike)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private HashSet<string> Sounds(char c) => _readings(c).Select(Normalize).ToHashSet(StringComparer.Ordinal);

    /// <summary>ü spelled v or u is one sound here (ju/jv, lü/lu): erring towards "alike" keeps filler clean.</summary>
    private static string Normalize(string toneless) => toneless.ToLowerInvariant().Replace('v', 'u').Replace('ü', 'u');
}
