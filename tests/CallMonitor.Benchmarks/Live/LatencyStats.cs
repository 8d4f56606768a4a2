namespace CallMonitor.Benchmarks.Live;

/// <summary>Percentiles of a set of latencies in seconds (nearest-rank: the smallest value with at least p % at or below it).</summary>
internal sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencyStats Of(IEnumerable<double> seconds)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        var sorted = seconds.Order().ToArray();
        return sorted.Length == 0
            ? new LatencyStats(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new LatencyStats(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of ascending <paramref name="sorted"/>; <paramref name="percent"/> in (0, 100].</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
