using CallMonitor.Acoustics.Metrics;
using CallMonitor.Compliance.Scoring;
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
    ProcessingInfo Processing)
{
    /// <summary>The rule pack the call was judged by, or null when compliance was not run.</summary>
    public RulePackInfo? RulePack { get; init; }

    /// <summary>Confirmed violations and supervisor alerts, in audio-time order.</summary>
    public IReadOnlyList<ViolationInfo> Violations { get; init; } = [];

    /// <summary>The 服务质量评估表 score, or null when the pack has no scoring form or compliance was not run.</summary>
    public CallScore? Score { get; init; }
}
