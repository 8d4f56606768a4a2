namespace CallMonitor.Acoustics.Metrics;

public sealed record SilenceMetrics(double Start, double End, double DurationSec, string? Before, string? After);
