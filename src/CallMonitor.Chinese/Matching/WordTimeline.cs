namespace CallMonitor.Chinese.Matching;

/// <summary>Maps offsets in the space-joined text of timed words back to words and audio times.</summary>
internal static class WordTimeline
{
    public static WordSpan Locate(IReadOnlyList<TimedWord> words, int[] starts, int start, int end)
    {
        var first = WordAt(starts, start);
        var last = WordAt(starts, Math.Max(start, end - 1));
        return new WordSpan(
            first, last - first + 1, TimeAt(words[first], starts[first], start), TimeAt(words[last], starts[last], end));
    }

    private static int WordAt(int[] starts, int position)
    {
        var index = Array.BinarySearch(starts, position);
        return index >= 0 ? index : Math.Max(0, ~index - 1);
    }

    /// <summary>The time of a character boundary: a word's own times at its edges, interpolated by characters inside it.</summary>
    private static double TimeAt(TimedWord word, int wordStart, int position)
    {
        var length = word.Text.Length;
        if (position <= wordStart)
        {
            return word.Start;
        }

        if (position >= wordStart + length)
        {
            return word.End;
        }

        return word.Start + ((double)(position - wordStart) / length * (word.End - word.Start));
    }
}
