using CallMonitor.Acoustics.Metrics;

namespace CallMonitor.Reporting.Reports;

/// <summary>
/// The post-call report: what was analysed, by which engines, and what was measured. Serialised as the
/// JSON report (camelCase); later stages add transcript, violations and score beside <see cref="Metrics"/>.
/// </summary>
public sealed record CallReport(
    string CallId,
    SourceInfo Source,
    double DurationSec,
    string Channels,
    IReadOnlyList<EngineInfo> Engines,
    AcousticMetrics Metrics,
    ProcessingInfo Processing);
