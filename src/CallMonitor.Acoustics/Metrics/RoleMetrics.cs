namespace CallMonitor.Acoustics.Metrics;

/// <summary>Measures of one speaker over the whole call.</summary>
/// <param name="TalkRatio">This speaker's share of all talk time (0..1).</param>
/// <param name="ShareOfCall">Talk time over call duration (0..1).</param>
/// <param name="MeanRmsDbfs">Power mean of the segments' RMS levels, weighted by duration.</param>
public sealed record RoleMetrics(
    string Speaker,
    int SegmentCount,
    double TalkTimeSec,
    double TalkRatio,
    double ShareOfCall,
    double MeanRmsDbfs,
    double PeakDbfs,
    double ClippedFraction,
    RateMetrics? Rate);
