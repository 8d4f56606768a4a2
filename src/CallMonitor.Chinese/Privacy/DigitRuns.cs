namespace CallMonitor.Chinese.Privacy;

/// <summary>
/// Splits text into runs of digit characters that may belong together: digits that touch, or that are apart by at
/// most <see cref="MaxGap"/> separator characters (spaces, hyphens, commas, 、). Anything else ends a run.
/// </summary>
internal static class DigitRuns
{
    /// <summary>Separator characters allowed between two digits of one run ("138 - 1234", "138，1234").</summary>
    public const int MaxGap = 3;

    /// <summary>The runs of at least <paramref name="minDigits"/> digits (shorter ones cannot hold a number), searching from <paramref name="from"/>.</summary>
    public static List<DigitUnit[]> Find(string text, int from, int minDigits)
    {
        var runs = new List<DigitUnit[]>();
        var run = new List<DigitUnit>();
        var lastEnd = -1;
        var gapLength = 0;
        var gapHasList = false;
        for (var i = from; i < text.Length; i++)
        {
            if (run.Count == 0)
            {
                // Between runs only a digit matters: skip to the next one.
                var next = text.AsSpan(i).IndexOfAny(DigitCharacters.Starts);
                if (next < 0)
                {
                    break;
                }

                i += next;
            }

            var c = text[i];
            var touching = run.Count > 0 && lastEnd == i;
            if (DigitCharacters.TryRead(text, i, touching, out var value, out var script))
            {
                var gap = run.Count == 0 || touching ? GapKind.None : gapHasList ? GapKind.List : GapKind.Tight;
                var blocked = touching
                    ? run[^1].Blocked
                    : i > 0 && DigitCharacters.IsLatinLetter(text[i - 1]);
                run.Add(new DigitUnit(i, value, script, gap, blocked));
                lastEnd = i + 1;
                gapLength = 0;
                gapHasList = false;
                continue;
            }

            var separator = DigitCharacters.SeparatorKind(c);
            if (run.Count > 0 && separator != GapKind.None && gapLength < MaxGap)
            {
                gapLength++;
                gapHasList |= separator == GapKind.List;
                continue;
            }

            if (touching && DigitCharacters.IsLatinLetter(c))
            {
                BlockLastGroup(run);
            }

            Flush(run, runs, minDigits);
            lastEnd = -1;
            gapLength = 0;
            gapHasList = false;
        }

        Flush(run, runs, minDigits);
        return runs;
    }

    /// <summary>Marks the digits touching a letter (and the ones touching them) as part of a code.</summary>
    private static void BlockLastGroup(List<DigitUnit> run)
    {
        for (var k = run.Count - 1; k >= 0; k--)
        {
            run[k] = run[k] with { Blocked = true };
            if (run[k].GapBefore != GapKind.None)
            {
                break;
            }
        }
    }

    private static void Flush(List<DigitUnit> run, List<DigitUnit[]> runs, int minDigits)
    {
        if (run.Count >= minDigits)
        {
            runs.Add([.. run]);
        }

        run.Clear();
    }
}
