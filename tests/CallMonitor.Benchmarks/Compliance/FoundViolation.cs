namespace CallMonitor.Benchmarks.Compliance;

/// <summary>A violation the engine reported for a corpus call, in its final state.</summary>
internal sealed record FoundViolation(string Type, string Speaker, double Start, double End, string RuleId, string Evidence);
