namespace CallMonitor.Acoustics.Rate;

/// <summary>
/// Picks syllable nuclei from a contour: voiced local maxima within reach of the loudest frame. Two neighbours both
/// count only when they are far enough apart and the contour dips enough between them: a little when voicing breaks
/// at the dip (an unvoiced consonant between two vowels), much more when voicing runs through it, because a vowel
/// whose pitch falls and rises again (a full third tone) dips by several dB without becoming two syllables.
/// </summary>
internal static class NucleusPicker
{
    /// <param name="contour">Smoothed nucleus contour (dB) per frame.</param>
    /// <param name="periodicity">Voicing strength (0-1) of a frame; asked only for candidate peaks and dips.</param>
    /// <returns>Frame indices of the nuclei, ascending.</returns>
    public static List<int> Pick(double[] contour, Func<int, double> periodicity, SyllableRateOptions options, int minDistanceFrames)
    {
        var kept = new List<int>();
        if (contour.Length < 3)
        {
            return kept;
        }

        // A nucleus stands out from the loudest frame's neighbourhood and from the quietest frame: steady noise,
        // however loud, has no peak far enough above its own floor.
        var floor = Math.Max(contour.Max() - options.FloorBelowMaxDb, contour.Min() + options.MinAboveQuietestDb);
        foreach (var candidate in LocalMaxima(contour, floor))
        {
            if (periodicity(candidate) < options.PeakVoicing)
            {
                continue;
            }

            if (kept.Count == 0)
            {
                kept.Add(candidate);
                continue;
            }

            var previous = kept[^1];
            var dipFrame = Minimum(contour, previous, candidate);
            var dip = Math.Min(contour[previous], contour[candidate]) - contour[dipFrame];
            var needed = periodicity(dipFrame) < options.DipVoicing ? options.MinDipUnvoicedDb : options.MinDipVoicedDb;
            if (dip >= needed && candidate - previous >= minDistanceFrames)
            {
                kept.Add(candidate);
            }
            else if (contour[candidate] > contour[previous])
            {
                kept[^1] = candidate;
            }
        }

        return kept;
    }

    private static IEnumerable<int> LocalMaxima(double[] x, double floor)
    {
        for (var i = 1; i < x.Length - 1; i++)
        {
            if (x[i] >= floor && x[i] >= x[i - 1] && x[i] > x[i + 1])
            {
                yield return i;
            }
        }
    }

    /// <summary>Frame of the lowest value strictly between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static int Minimum(double[] x, int from, int to)
    {
        var at = from + 1 < to ? from + 1 : from;
        for (var i = from + 1; i < to; i++)
        {
            if (x[i] < x[at])
            {
                at = i;
            }
        }

        return at;
    }
}
