namespace CallMonitor.Benchmarks.Load;

/// <summary>Every node's RSS (MiB, in node order) <paramref name="Seconds"/> after the step's calls began.</summary>
internal sealed record RssPoint(double Seconds, IReadOnlyList<double> RssMiB);
