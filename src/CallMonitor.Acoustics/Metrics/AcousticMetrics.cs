namespace CallMonitor.Acoustics.Metrics;

/// <summary>
/// The acoustic measures of a call as they appear in a report (seconds on the audio timeline, levels in dBFS).
/// </summary>
/// <param name="Detector">Voice-activity detector that found the speech.</param>
/// <param name="Roles">Per speaker: talk time, loudness, speaking rate.</param>
/// <param name="Segments">Every speech segment, in time order.</param>
/// <param name="Silences">Stretches where nobody speaks, at least the configured minimum long.</param>
/// <param name="Overlaps">Stretches where both speak; <c>by</c> started while the other was speaking.</param>
public sealed record AcousticMetrics(
    string Detector,
    double DurationSec,
    IReadOnlyList<RoleMetrics> Roles,
    IReadOnlyList<SegmentMetrics> Segments,
    IReadOnlyList<SilenceMetrics> Silences,
    IReadOnlyList<OverlapMetrics> Overlaps,
    double SilenceTotalSec,
    double OverlapTotalSec);
