using CallMonitor.Acoustics.Analysis;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Pipeline.Engines;

namespace CallMonitor.Pipeline.Recordings;

/// <summary>The outcome of running one call through the pipeline: its merged events and what produced them.</summary>
/// <param name="Source">The audio file (or the transcript when there was no audio).</param>
/// <param name="SourceFormat">The audio's format as read, or null without audio.</param>
/// <param name="Duration">Length of the audio, or of the transcript without audio.</param>
/// <param name="Events">Every event in audio-time order (by start).</param>
/// <param name="Engines">Each stage that ran (the voice-activity detector, each speech engine) and how it fared.</param>
/// <param name="DetectorFallbackReason">Why the preferred voice-activity detector did not run, or null.</param>
public sealed record RecordingAnalysis(
    string CallId,
    string Source,
    string? SourceFormat,
    ChannelLayout Layout,
    TimeSpan Duration,
    IReadOnlyList<CallEvent> Events,
    IReadOnlyList<EngineStatus> Engines,
    string? DetectorFallbackReason,
    TimeSpan WallTime,
    TimeSpan CpuTime)
{
    /// <summary>The acoustic part, for the acoustic metrics; null when no audio was analysed.</summary>
    public AcousticAnalysis? Acoustics =>
        SourceFormat is null || Engines.FirstOrDefault(e => e.Name == "vad") is not { } vad
            ? null
            : new AcousticAnalysis(
                CallId,
                Source,
                SourceFormat,
                Layout,
                vad.Description,
                DetectorFallbackReason,
                Duration,
                Events.Where(e => e is SpeechSegmentDetected or SilenceDetected or OverlapDetected).ToList(),
                WallTime,
                CpuTime);
}
