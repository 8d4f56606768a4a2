using CallMonitor.Acoustics.Metrics;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Reporting.Reports;

/// <summary>
/// The post-call report: what was analysed, by which engines, what was measured and what was said. Serialised as the
/// JSON report (camelCase); the transcript has the shape <c>--transcript</c> reads, so a report can be fed back in.
/// </summary>
/// <param name="Metrics">Acoustic measures; null when the call was a transcript without audio.</param>
/// <param name="TranscriptSource">The engine whose text is <paramref name="Transcript"/> ("transcript", "vosk"), or null.</param>
/// <param name="Transcript">The text of record, or null when no engine produced text.</param>
/// <param name="KeywordHits">Phrases the keyword spotter heard, in audio-time order.</param>
public sealed record CallReport(
    string CallId,
    SourceInfo Source,
    double DurationSec,
    string Channels,
    IReadOnlyList<EngineInfo> Engines,
    AcousticMetrics? Metrics,
    string? TranscriptSource,
    TranscriptDocument? Transcript,
    IReadOnlyList<KeywordHitInfo> KeywordHits,
    ProcessingInfo Processing);
