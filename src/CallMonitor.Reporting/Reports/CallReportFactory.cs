using CallMonitor.Acoustics.Metrics;
using CallMonitor.Compliance.Judging;
using CallMonitor.Compliance.Scoring;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Pipeline.Engines;
using CallMonitor.Pipeline.Recordings;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Reporting.Reports;

/// <summary>Builds a <see cref="CallReport"/> from a call's analysis.</summary>
public static class CallReportFactory
{
    /// <summary>Sources whose text is the text of record, in order of preference: a supplied transcript beats recognition.</summary>
    private static readonly string[] TextSources = [TranscriptEvents.Source, "vosk"];

    /// <summary>The report of an analysed call, judged by <paramref name="judgement"/> under <paramref name="pack"/> when given.</summary>
    public static CallReport FromRecording(
        RecordingAnalysis analysis, DateTimeOffset? startedAt = null, CallJudgement? judgement = null, RulePackInfo? pack = null, CallScore? score = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var acoustics = analysis.Acoustics;
        var textSource = TextSources.FirstOrDefault(s => analysis.Events.OfType<UtteranceRecognized>().Any(u => u.Source == s))
            ?? (analysis.Events.OfType<CallHungUp>().Any() ? TranscriptEvents.Source : null);
        var wall = analysis.WallTime.TotalSeconds;
        return new CallReport(
            analysis.CallId,
            new SourceInfo(analysis.Source, analysis.SourceFormat ?? "transcript (no audio)"),
            Math.Round(analysis.Duration.TotalSeconds, 3),
            analysis.Layout.ToString(),
            [.. analysis.Engines.Select(e => ToInfo(e, analysis.DetectorFallbackReason))],
            acoustics is null ? null : AcousticMetricsBuilder.Build(acoustics),
            textSource,
            textSource is null ? null : TranscriptBuilder.FromEvents(analysis.CallId, startedAt, analysis.Events, textSource),
            [.. analysis.Events.OfType<KeywordSpotted>().Select(ToHit)],
            new ProcessingInfo(
                Math.Round(wall, 3),
                Math.Round(analysis.CpuTime.TotalSeconds, 3),
                wall > 0 && analysis.SourceFormat is not null ? Math.Round(analysis.Duration.TotalSeconds / wall, 1) : 0))
        {
            RulePack = pack,
            Violations = judgement is null ? [] : [.. judgement.Violations.Select(ToInfo)],
            Score = score,
        };
    }

    private static ViolationInfo ToInfo(ViolationDetected v) => new(
        v.ViolationId,
        v.RuleId,
        v.Type,
        v.Severity,
        v.Role.ToWireName(),
        Math.Round(v.Span.Start.TotalSeconds, 3),
        Math.Round(v.Span.End.TotalSeconds, 3),
        v.Phrase,
        v.Evidence,
        v.Sources.Count > 0 ? v.Sources[0] : "unknown",
        v.Sources,
        Math.Round(v.Confidence, 3));

    private static EngineInfo ToInfo(EngineStatus status, string? detectorFallback)
    {
        if (status.Name == "vad" && status.State == EngineState.Ok && detectorFallback is not null)
        {
            return new EngineInfo(status.Name, status.Description, "fallback", detectorFallback);
        }

        return new EngineInfo(status.Name, status.Description, status.State.ToString().ToLowerInvariant(), status.Error);
    }

    private static KeywordHitInfo ToHit(KeywordSpotted hit) => new(
        hit.Role.ToWireName(),
        Math.Round(hit.Span.Start.TotalSeconds, 3),
        Math.Round(hit.Span.End.TotalSeconds, 3),
        hit.Phrase,
        hit.Tokens,
        hit.Score is { } score ? Math.Round(score, 3) : null,
        hit.Source);
}
