using CallMonitor.Domain.Calls;
using CallMonitor.TestKit.Calls;

namespace CallMonitor.TestKit.Phrases;

/// <summary>
/// Finds where phrases were said in a rendered call, from its truth: every place where the texts of one utterance's
/// consecutive units contain the phrase, including inside a longer phrase (不清楚 also says 清楚). Units without
/// Chinese text (the customer's pinyin syllables) never match.
/// </summary>
public static class PhraseOccurrences
{
    public static IReadOnlyList<PhraseOccurrence> Find(CallTruth truth, SpeakerRole role, string phrase)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentException.ThrowIfNullOrEmpty(phrase);
        var found = new List<PhraseOccurrence>();
        foreach (var utterance in truth.Utterances.Where(u => u.Role == role))
        {
            var text = string.Concat(utterance.Units.Select(u => u.Text));
            for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                var (start, startExact) = TimeAt(utterance.Units, at, truth.SampleRate, atEnd: false);
                var (end, endExact) = TimeAt(utterance.Units, at + phrase.Length, truth.SampleRate, atEnd: true);
                found.Add(new PhraseOccurrence(phrase, start, end, startExact && endExact));
            }
        }

        return [.. found.OrderBy(o => o.Start)];
    }

    /// <summary>
    /// The time at character boundary <paramref name="offset"/> of the joined unit texts: a unit edge when it falls on
    /// one, else a point inside the unit proportional to its characters.
    /// </summary>
    private static (double Seconds, bool Exact) TimeAt(IReadOnlyList<UnitPlacement> units, int offset, int rate, bool atEnd)
    {
        var position = 0;
        foreach (var unit in units)
        {
            var length = unit.Text.Length;
            if (!atEnd && offset == position)
            {
                return (unit.Span.StartSeconds(rate), true);
            }

            if (atEnd && offset == position + length)
            {
                return (unit.Span.EndSeconds(rate), true);
            }

            if (offset > position && offset < position + length)
            {
                var fraction = (double)(offset - position) / length;
                return (unit.Span.StartSeconds(rate) + (fraction * unit.Span.Seconds(rate)), false);
            }

            position += length;
        }

        throw new ArgumentOutOfRangeException(nameof(offset), offset, "character offset beyond the utterance's text");
    }
}
