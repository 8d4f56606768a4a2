using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;

namespace CallMonitor.Acoustics.Analysis;

/// <summary>The outcome of analysing one recorded call: its events on the audio timeline and what produced them.</summary>
/// <param name="SourceFormat">The input's format as read (before resampling).</param>
/// <param name="Detector">The voice-activity detector that ran.</param>
/// <param name="DetectorFallbackReason">Why the preferred detector (Silero) did not run, or null.</param>
/// <param name="Duration">Length of the audio.</param>
/// <param name="Events">Speech segments, silences and overlaps in time order.</param>
/// <param name="WallTime">Wall-clock time the analysis took.</param>
/// <param name="CpuTime">Processor time the process used meanwhile.</param>
public sealed record AcousticAnalysis(
    string CallId,
    string Source,
    string SourceFormat,
    ChannelLayout Layout,
    string Detector,
    string? DetectorFallbackReason,
    TimeSpan Duration,
    IReadOnlyList<CallEvent> Events,
    TimeSpan WallTime,
    TimeSpan CpuTime);
