using CallMonitor.Acoustics.Metrics;
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

    public static CallReport FromRecording(RecordingAnalysis analysis, DateTimeOffset? startedAt = null)
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
                wall > 0 && analysis.SourceFormat is not null ? Math.Round(analysis.Duration.TotalSeconds / wall, 1) : 0));
    }

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
