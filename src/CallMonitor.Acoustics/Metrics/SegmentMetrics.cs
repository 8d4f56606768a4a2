namespace CallMonitor.Acoustics.Metrics;

public sealed record SegmentMetrics(
    string Speaker,
    double Start,
    double End,
    double RmsDbfs,
    double PeakDbfs,
    double ClippedFraction,
    RateMetrics? Rate);
