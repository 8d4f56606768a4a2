namespace CallMonitor.TestKit.Calls;

/// <summary>Counts Chinese characters (CJK unified ideographs), i.e. spoken syllables.</summary>
internal static class Hanzi
{
    public static int Count(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf'))
            {
                count++;
            }
        }

        return count;
    }
}
