using System.Text;
using CallMonitor.Chinese.Normalization;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Engine.Matching;

/// <summary>
/// The text of one utterance (or partial, or N-best alternative) ready for matching, with the way from a character
/// offset of the original text to the audio timeline: through word times when the recogniser gave them, else
/// spread evenly over the utterance's span.
/// </summary>
internal sealed class UtteranceText
{
    private readonly IReadOnlyList<RecognizedWord> _words;
    private readonly int[] _wordStarts;

    private UtteranceText(string original, AudioInterval span, IReadOnlyList<RecognizedWord> words, int[] wordStarts)
    {
        Normalized = ChineseTextNormalizer.Normalize(original);
        Span = span;
        _words = words;
        _wordStarts = wordStarts;
    }

    /// <summary>The text as given, normalised, with its map back to <see cref="NormalizedText.Original"/>.</summary>
    public NormalizedText Normalized { get; }

    public string Original => Normalized.Original;

    /// <summary>The utterance's place on the audio timeline.</summary>
    public AudioInterval Span { get; }

    /// <summary>Characters spoken (normalised: no punctuation or spaces).</summary>
    public int SpokenLength => Normalized.Text.Length;

    /// <summary>Whether times come from words (exact to the word) rather than spread over the span.</summary>
    public bool HasWordTimes => _words.Count > 0;

    public IReadOnlyList<RecognizedWord> Words => _words;

    /// <summary>A final utterance: its words joined by spaces when it has them, else its text.</summary>
    public static UtteranceText Of(UtteranceRecognized utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        if (utterance.Words.Count == 0)
        {
            return Plain(utterance.Text, utterance.Span);
        }

        var joined = new StringBuilder();
        var starts = new int[utterance.Words.Count];
        for (var i = 0; i < starts.Length; i++)
        {
            if (i > 0)
            {
                joined.Append(' ');
            }

            starts[i] = joined.Length;
            joined.Append(utterance.Words[i].Text);
        }

        return new UtteranceText(joined.ToString(), utterance.Span, utterance.Words, starts);
    }

    /// <summary>Text without word times (a partial, an alternative, a transcript segment): times spread over <paramref name="span"/>.</summary>
    public static UtteranceText Plain(string text, AudioInterval span) => new(text ?? string.Empty, span, [], []);

    /// <summary>Where original characters [<paramref name="start"/>, <paramref name="end"/>) were said.</summary>
    public AudioInterval TimeOf(int start, int end)
    {
        if (_words.Count == 0)
        {
            var length = Math.Max(1, Original.Length);
            var duration = Span.Duration;
            return new AudioInterval(Span.Start + (duration * start / length), Span.Start + (duration * end / length));
        }

        var from = StartTime(start);
        var to = EndTime(end);
        return to < from ? new AudioInterval(from, from) : new AudioInterval(from, to);
    }

    /// <summary>The mean confidence of the words covering [start, end), or null when any of them has none.</summary>
    public double? WordConfidence(int start, int end)
    {
        double sum = 0;
        var count = 0;
        for (var i = 0; i < _words.Count; i++)
        {
            var wordEnd = _wordStarts[i] + _words[i].Text.Length;
            if (wordEnd <= start || _wordStarts[i] >= end)
            {
                continue;
            }

            if (_words[i].Confidence is not { } c)
            {
                return null;
            }

            sum += c;
            count++;
        }

        return count == 0 ? null : sum / count;
    }

    private TimeSpan StartTime(int offset)
    {
        for (var i = 0; i < _words.Count; i++)
        {
            var length = _words[i].Text.Length;
            if (_wordStarts[i] + length > offset)
            {
                return Inside(i, Math.Max(0, offset - _wordStarts[i]), length);
            }
        }

        return _words[^1].Span.End;
    }

    private TimeSpan EndTime(int offset)
    {
        for (var i = _words.Count - 1; i >= 0; i--)
        {
            if (_wordStarts[i] < offset)
            {
                var length = _words[i].Text.Length;
                return Inside(i, Math.Min(length, offset - _wordStarts[i]), length);
            }
        }

        return _words[0].Span.Start;
    }

    private TimeSpan Inside(int word, int chars, int length)
    {
        var span = _words[word].Span;
        return length == 0 ? span.Start : span.Start + (span.Duration * chars / length);
    }
}
