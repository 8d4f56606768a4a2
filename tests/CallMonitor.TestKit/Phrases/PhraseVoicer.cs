using CallMonitor.TestKit.Calls;

namespace CallMonitor.TestKit.Phrases;

/// <summary>
/// Finds how a Chinese phrase can be said with the shared recordings: as the fewest agent voice-bank units whose
/// texts join to it (longer units keep the speaker's own coarticulation), and as a real word recording of exactly
/// that text. A phrase neither can say is reported with the characters no unit covers.
/// </summary>
public sealed class PhraseVoicer
{
    private readonly IReadOnlyDictionary<string, string> _units;
    private readonly IReadOnlyList<RealUtterance> _words;
    private readonly int _longestUnit;

    public PhraseVoicer(VoiceBank bank, IReadOnlyList<RealUtterance> words)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(words);
        _units = bank.AgentUnits;
        _words = words;
        _longestUnit = _units.Keys.Select(k => k.Length).DefaultIfEmpty(1).Max();
    }

    /// <summary>Every voicing of <paramref name="phrase"/>: the voice-bank one first, then real recordings.</summary>
    public IReadOnlyList<PhraseVoicing> Voicings(string phrase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase);
        var voicings = new List<PhraseVoicing>();
        if (Segment(phrase) is { } units)
        {
            voicings.Add(new PhraseVoicing(phrase, units, null));
        }

        voicings.AddRange(_words.Where(w => w.Transcript == phrase).Select(w => new PhraseVoicing(phrase, [], w)));
        return voicings;
    }

    /// <summary>
    /// Why <paramref name="phrase"/> cannot be said from the voice bank: the characters no agent unit covers, or
    /// null when a unit sequence exists.
    /// </summary>
    public string? MissingUnits(string phrase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase);
        if (Segment(phrase) is not null)
        {
            return null;
        }

        var covered = new bool[phrase.Length];
        for (var start = 0; start < phrase.Length; start++)
        {
            for (var length = 1; length <= Math.Min(_longestUnit, phrase.Length - start); length++)
            {
                if (_units.ContainsKey(phrase.Substring(start, length)))
                {
                    Array.Fill(covered, true, start, length);
                }
            }
        }

        var missing = phrase.Where((_, i) => !covered[i]).Distinct().ToArray();
        return missing.Length > 0 ? string.Join(' ', missing) : "(every character has a unit, but no sequence of units spells the phrase)";
    }

    /// <summary>The fewest agent units whose texts join to <paramref name="phrase"/>, or null.</summary>
    private List<string>? Segment(string phrase)
    {
        // best[i]: fewest units spelling phrase[..i]; from[i]: where the last of them starts.
        var best = new int[phrase.Length + 1];
        var from = new int[phrase.Length + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var end = 1; end <= phrase.Length; end++)
        {
            for (var length = Math.Min(_longestUnit, end); length >= 1; length--)
            {
                var start = end - length;
                if (best[start] != int.MaxValue && best[start] + 1 < best[end] && _units.ContainsKey(phrase[start..end]))
                {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }

        if (best[phrase.Length] == int.MaxValue)
        {
            return null;
        }

        var units = new List<string>();
        for (var end = phrase.Length; end > 0; end = from[end])
        {
            units.Add(phrase[from[end]..end]);
        }

        units.Reverse();
        return units;
    }
}
