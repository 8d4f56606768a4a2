namespace CallMonitor.Benchmarks.Compliance;

/// <summary>A violation a person wrote down for a corpus call before any run: type, who, where (seconds), why.</summary>
internal sealed record ExpectedViolation(string Type, string Speaker, double Start, double End, string Note);
