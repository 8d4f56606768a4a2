namespace CallMonitor.Acoustics.Rate;

/// <summary>
/// Picks syllable nuclei from an intensity contour: voiced local maxima within reach of the loudest frame, where
/// two neighbours both count only when the contour dips enough between them and they are far enough apart.
/// </summary>
internal static class NucleusPicker
{
    /// <param name="contour">Smoothed intensity (dB) per frame.</param>
    /// <param name="isVoiced">Tells whether the frame at an index is voiced; asked only for candidate peaks.</param>
    /// <returns>Frame indices of the nuclei, ascending.</returns>
    public static List<int> Pick(double[] contour, Func<int, bool> isVoiced, double floorBelowMaxDb, double minDipDb, int minDistanceFrames)
    {
        var kept = new List<int>();
        if (contour.Length < 3)
        {
            return kept;
        }

        var floor = contour.Max() - floorBelowMaxDb;
        foreach (var candidate in LocalMaxima(contour, floor))
        {
            if (!isVoiced(candidate))
            {
                continue;
            }

            if (kept.Count == 0)
            {
                kept.Add(candidate);
                continue;
            }

            var previous = kept[^1];
            var dip = Minimum(contour, previous, candidate);
            var separated = Math.Min(contour[previous], contour[candidate]) - dip >= minDipDb
                && candidate - previous >= minDistanceFrames;
            if (separated)
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
            if (x[i] < floor || x[i] < x[i - 1])
            {
                continue;
            }

            // A plateau counts once, at its last frame, when the contour falls after it.
            var j = i;
            while (j + 1 < x.Length && x[j + 1] == x[i])
            {
                j++;
            }

            if (j + 1 < x.Length && x[j + 1] < x[i])
            {
                yield return j;
            }

            i = j;
        }
    }

    private static double Minimum(double[] x, int from, int to)
    {
        var min = double.MaxValue;
        for (var i = from + 1; i < to; i++)
        {
            min = Math.Min(min, x[i]);
        }

        return min == double.MaxValue ? Math.Min(x[from], x[to]) : min;
    }
}
