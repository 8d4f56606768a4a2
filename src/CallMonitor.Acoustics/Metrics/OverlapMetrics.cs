namespace CallMonitor.Acoustics.Metrics;

public sealed record OverlapMetrics(double Start, double End, double DurationSec, string By, string Interrupted);
