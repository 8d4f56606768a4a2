namespace CallMonitor.Benchmarks.Load;

/// <summary>
/// The trend of one node's RSS over the second half of a soak: the least-squares slope through the series' points
/// from half-time on (the first half holds the warm-up of caches, pools and the GC's heap sizing), in MiB per 10
/// minutes, and the plain rise from the half-way point to the end.
/// </summary>
internal sealed record SoakTrend(string Node, int Points, double SlopeMiBPer10Min, double RiseMiB, bool Flat)
{
    public static SoakTrend Of(string node, IReadOnlyList<RssPoint> series, int index, double flatBound)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            return new SoakTrend(node, 0, double.NaN, double.NaN, Flat: false);
        }

        var half = series[^1].Seconds / 2;
        var points = series.Where(p => p.Seconds >= half && !double.IsNaN(p.RssMiB[index])).Select(p => (X: p.Seconds, Y: p.RssMiB[index])).ToList();
        if (points.Count < 3)
        {
            return new SoakTrend(node, points.Count, double.NaN, double.NaN, Flat: false);
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var per10Min = slope * 600;
        return new SoakTrend(node, points.Count, per10Min, points[^1].Y - points[0].Y, per10Min < flatBound);
    }
}
