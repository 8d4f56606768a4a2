using CallMonitor.Compliance.Engine.Matching;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// Finds the filler sounds of a <c>filler_word</c> rule in one utterance. A filler counts when it stands apart:
/// it opens the utterance, or follows a clause mark or space of a transcript without word times (“好的，嗯，我看一下”),
/// or, with word times, is a recognised word made only of fillers. A filler after a character of the same clause
/// (“是啊。”, “我们嗯这边” without word times) is read as part of the word or a sentence-final particle and not counted;
/// a filler inside one of the rule's exceptions (嗯好、嗯明白、感恩) never counts. A run of fillers (“呃呃”) is one.
/// </summary>
internal sealed class FillerCounter(CompiledRule rule)
{
    private readonly string[] _fillers = [.. rule.Rule.Phrases("fillers").Select(p => p.Text).Where(t => t.Length > 0)];
    private readonly Dictionary<string, string> _display = rule.Rule.Phrases("fillers")
        .DistinctBy(p => p.Text).ToDictionary(p => p.Text, p => p.Display, StringComparer.Ordinal);
    private readonly string[] _exceptions = [.. rule.Rule.Exceptions.Select(e => e.Text).Where(t => t.Length > 0)];

    /// <summary>One counted filler: as the pack writes it, where it was said, and the utterance around it.</summary>
    public sealed record Occurrence(string Filler, AudioInterval Span, string Context);

    /// <summary>The fillers of <paramref name="text"/> that count.</summary>
    public IReadOnlyList<Occurrence> Count(UtteranceText text)
    {
        var normalized = text.Normalized.Text;
        var excused = Excused(normalized);
        var wordOf = text.HasWordTimes ? WordIndexes(text) : null;
        var found = new List<Occurrence>();
        var i = 0;
        while (i < normalized.Length)
        {
            var filler = excused[i] ? null : FillerAt(normalized, i);
            if (filler is null)
            {
                i++;
                continue;
            }

            var end = i + filler.Length;
            while (end < normalized.Length && !excused[end] && FillerAt(normalized, end) is { } more)
            {
                end += more.Length;
            }

            if (StandsApart(text, wordOf, i, end))
            {
                var source = text.Normalized.ToSource(i, end - i);
                found.Add(new Occurrence(_display[filler], text.TimeOf(source.Start, source.End), text.Original));
            }

            i = end;
        }

        return found;
    }

    /// <summary>Whether <paramref name="text"/> holds nothing but fillers and exceptions (嗯。 嗯嗯。 嗯好).</summary>
    public bool IsOnlyFillers(UtteranceText text)
    {
        var normalized = text.Normalized.Text;
        if (normalized.Length == 0)
        {
            return false;
        }

        var excused = Excused(normalized);
        for (var i = 0; i < normalized.Length;)
        {
            if (excused[i])
            {
                i++;
            }
            else if (FillerAt(normalized, i) is { } filler)
            {
                i += filler.Length;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static bool StandsApart(UtteranceText text, int[]? wordOf, int start, int end)
    {
        if (start == 0)
        {
            return true;
        }

        if (wordOf is not null)
        {
            // With word times the recogniser's words are the boundaries: a filler counts when it is a whole word.
            var word = wordOf[start];
            var first = Array.IndexOf(wordOf, word);
            var last = Array.LastIndexOf(wordOf, word);
            return first >= start && last < end;
        }

        var before = text.Normalized.SourceOf(start).Start - 1;
        return before >= 0 && (char.IsWhiteSpace(text.Original[before]) || char.IsPunctuation(text.Original[before]) || char.IsSymbol(text.Original[before]));
    }

    private string? FillerAt(string text, int index)
    {
        foreach (var filler in _fillers)
        {
            if (string.CompareOrdinal(text, index, filler, 0, filler.Length) == 0 && index + filler.Length <= text.Length)
            {
                return filler;
            }
        }

        return null;
    }

    private bool[] Excused(string text)
    {
        var excused = new bool[text.Length];
        foreach (var exception in _exceptions)
        {
            for (var at = text.IndexOf(exception, StringComparison.Ordinal); at >= 0; at = text.IndexOf(exception, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(excused, true, at, exception.Length);
            }
        }

        return excused;
    }

    /// <summary>For each normalised character, the index of the recognised word it belongs to.</summary>
    private static int[] WordIndexes(UtteranceText text)
    {
        // UtteranceText.Of joins the words with one space each: original offsets give the word.
        var starts = new int[text.Words.Count];
        for (int w = 0, offset = 0; w < starts.Length; w++)
        {
            starts[w] = offset;
            offset += text.Words[w].Text.Length + 1;
        }

        var result = new int[text.Normalized.Text.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var source = text.Normalized.SourceOf(i).Start;
            var word = Array.BinarySearch(starts, source);
            result[i] = word >= 0 ? word : ~word - 1;
        }

        return result;
    }
}
