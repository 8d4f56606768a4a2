using System.Globalization;
using CallMonitor.Acoustics.Metrics;
using CallMonitor.Domain.Calls;
using CallMonitor.Reporting.Reports;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Reporting.Tests;

/// <summary>Hand-built reports for the writer tests.</summary>
internal static class Reports
{
    public static TranscriptSegment Say(SpeakerRole who, double start, double end, string text) => new(who, start, end, text, []);

    public static ViolationInfo Violation(
        string ruleId, string speaker, double start, double end, string evidence, string? phrase = null,
        string type = "forbidden_phrase", string severity = "major") =>
        new(string.Create(CultureInfo.InvariantCulture, $"call-1/{ruleId}/{start}"), ruleId, type, severity, speaker, start, end, phrase, evidence, "transcript", ["transcript"], 0.9);

    /// <summary>A transcript-only report (no audio metrics) of <paramref name="segments"/>.</summary>
    public static CallReport TranscriptOnly(params TranscriptSegment[] segments) => new(
        "call-1",
        new SourceInfo("call-1.json", "transcript (no audio)"),
        segments.Length == 0 ? 0 : segments.Max(s => s.End),
        "stereo",
        [new EngineInfo("transcript", "supplied transcript", "ok", null)],
        null,
        "transcript",
        new TranscriptDocument("call-1", null, segments, []),
        [],
        new ProcessingInfo(0.01, 0.01, 0));

    /// <summary>Acoustic metrics with the given speech segments and silences.</summary>
    public static AcousticMetrics Metrics(IReadOnlyList<SegmentMetrics> segments, IReadOnlyList<SilenceMetrics> silences) => new(
        "silero",
        segments.Count == 0 ? 0 : segments.Max(s => s.End),
        [],
        segments,
        silences,
        [],
        silences.Sum(s => s.DurationSec),
        0);

    public static SegmentMetrics SpeechAt(string speaker, double start, double end) => new(speaker, start, end, -20, -3, 0, null);
}
