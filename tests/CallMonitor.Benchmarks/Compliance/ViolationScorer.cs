namespace CallMonitor.Benchmarks.Compliance;

/// <summary>
/// Pairs found violations with expected ones, one to one: same type and speaker, and the two time spans overlap or
/// lie within <see cref="ToleranceSeconds"/> of each other. Closest pairs are taken first (overlaps before gaps,
/// then in time order), so one long finding cannot absorb several expectations.
/// </summary>
internal static class ViolationScorer
{
    public const double ToleranceSeconds = 2.0;

    public static CallScore Score(CorpusCall call, IReadOnlyList<FoundViolation> found)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(found);
        var candidates = new List<(int Expected, int Found, double Gap)>();
        for (var e = 0; e < call.Expected.Count; e++)
        {
            for (var f = 0; f < found.Count; f++)
            {
                var x = call.Expected[e];
                var y = found[f];
                var gap = Gap(x.Start, x.End, y.Start, y.End);
                if (x.Type == y.Type && x.Speaker == y.Speaker && gap <= ToleranceSeconds)
                {
                    candidates.Add((e, f, gap));
                }
            }
        }

        var usedExpected = new HashSet<int>();
        var usedFound = new HashSet<int>();
        var hits = new List<(ExpectedViolation, FoundViolation)>();
        foreach (var (e, f, _) in candidates.OrderBy(c => c.Gap).ThenBy(c => call.Expected[c.Expected].Start).ThenBy(c => found[c.Found].Start))
        {
            if (!usedExpected.Contains(e) && !usedFound.Contains(f))
            {
                usedExpected.Add(e);
                usedFound.Add(f);
                hits.Add((call.Expected[e], found[f]));
            }
        }

        return new CallScore(
            call,
            hits,
            [.. call.Expected.Where((_, i) => !usedExpected.Contains(i))],
            [.. found.Where((_, i) => !usedFound.Contains(i))]);
    }

    /// <summary>Seconds between two spans; 0 when they overlap or touch.</summary>
    public static double Gap(double start1, double end1, double start2, double end2) =>
        Math.Max(0, Math.Max(start1, start2) - Math.Min(end1, end2));
}
