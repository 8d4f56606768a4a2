namespace CallMonitor.Benchmarks.Compliance;

/// <summary>One call scored: expected violations found (with the finding), missed, and findings nobody expected.</summary>
internal sealed record CallScore(
    CorpusCall Call,
    IReadOnlyList<(ExpectedViolation Expected, FoundViolation Found)> Hits,
    IReadOnlyList<ExpectedViolation> Misses,
    IReadOnlyList<FoundViolation> FalseAlarms);
