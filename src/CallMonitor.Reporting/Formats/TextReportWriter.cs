using System.Globalization;
using System.Text;
using CallMonitor.Acoustics.Metrics;
using CallMonitor.Compliance.Scoring;
using CallMonitor.Domain.Calls;
using CallMonitor.Reporting.Reports;

namespace CallMonitor.Reporting.Formats;

/// <summary>A readable plain-text summary of a report, for a terminal.</summary>
public static class TextReportWriter
{
    public static string Write(CallReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"Call {report.CallId}: {report.Source.File} ({report.Source.Format}), {Clock(report.DurationSec)}, channels {report.Channels}");
        foreach (var e in report.Engines)
        {
            sb.AppendLine(c, $"  {e.Name}: {e.Implementation} [{e.Status}]{(e.Detail is null ? "" : " - " + e.Detail)}");
        }

        if (report.Score is { } callScore)
        {
            WriteScore(sb, callScore);
        }

        if (report.RulePack is not null || report.Violations.Count > 0)
        {
            WriteViolations(sb, report);
        }

        if (report.Metrics is { } m)
        {
            WriteAcoustics(sb, m);
        }

        if (report.Transcript is { } transcript)
        {
            sb.AppendLine();
            sb.AppendLine(c, $"Transcript ({report.TranscriptSource}): {transcript.Segments.Count} utterances");
            foreach (var s in transcript.Segments)
            {
                sb.AppendLine(c, $"  {Clock(s.Start)} - {Clock(s.End)}  {s.Speaker.ToWireName(),-9} {s.Text}");
            }

            foreach (var e in transcript.Events)
            {
                sb.AppendLine(c, $"  {Clock(e.At)}  {e.By.ToWireName()} hung up");
            }
        }

        if (report.KeywordHits.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(c, $"Keyword hits: {report.KeywordHits.Count}");
            foreach (var k in report.KeywordHits)
            {
                sb.AppendLine(c, $"  {Clock(k.Start)} - {Clock(k.End)}  {k.Speaker,-9} {k.Phrase} ({k.Tokens}){(k.Score is { } score ? $" score {score:0.00}" : "")}");
            }
        }

        sb.AppendLine();
        var pace = report.Processing.RealTimeFactor > 0 ? $"{report.Processing.RealTimeFactor:0}x real time, " : string.Empty;
        sb.AppendLine(c, $"Analysed in {report.Processing.WallSec:0.00} s ({pace}CPU {report.Processing.CpuSec:0.00} s)");
        return sb.ToString();
    }

    private static void WriteScore(StringBuilder sb, CallScore score)
    {
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine();
        sb.AppendLine(c, $"Score: {score.Total:0.##} / {score.Max:0.##} (base {score.BasePoints:0.##}, bonus {score.Bonus:0.##}, penalty {score.Penalty:0.##})");
        foreach (var section in score.Sections)
        {
            sb.AppendLine(c, $"  {section.Name} [{section.Kind}] {section.Points:0.##} / {section.Max:0.##}");
            foreach (var item in section.Items)
            {
                var manual = item.Automated ? string.Empty : "  (not judged automatically)";
                sb.AppendLine(c, $"    {item.Name} {item.Points:0.##} / {item.Max:0.##}{manual}");
                foreach (var d in item.Deductions)
                {
                    sb.AppendLine(c, $"      {d.RuleId} x{d.Violations}: {(item.Max < 0 ? "" : "-")}{d.Points:0.##}");
                }
            }
        }

        if (score.ManualPoints > 0)
        {
            sb.AppendLine(c, $"  {score.ManualPoints:0.##} points are not judged automatically and count at full marks until a supervisor scores them.");
        }

        if (score.UnscoredRuleIds.Count > 0)
        {
            sb.AppendLine(c, $"  Fired but not on the form: {string.Join(", ", score.UnscoredRuleIds)}");
        }
    }

    private static void WriteViolations(StringBuilder sb, CallReport report)
    {
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine();
        var pack = report.RulePack is { } p ? $" (rule pack {p.Id} {p.Version})" : string.Empty;
        sb.AppendLine(c, $"Violations: {report.Violations.Count}{pack}");
        foreach (var v in report.Violations)
        {
            var phrase = v.Phrase is null ? string.Empty : $" \"{v.Phrase}\"";
            var sources = v.Sources.Count > 0 ? string.Join("+", v.Sources) : v.Source;
            sb.AppendLine(c, $"  {Clock(v.Start)} - {Clock(v.End)}  {v.Speaker,-9} {v.Severity,-8} {v.Type} ({v.RuleId}){phrase}: {v.Evidence} [{sources}, {v.Confidence:0.00}]");
        }
    }

    private static void WriteAcoustics(StringBuilder sb, AcousticMetrics m)
    {
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine();
        sb.AppendLine("Speakers");
        foreach (var r in m.Roles)
        {
            var rate = r.Rate is null ? "rate n/a" : $"{r.Rate.SyllablesPerMinute:0} ± {r.Rate.Uncertainty:0} syllables/min";
            sb.AppendLine(c, $"  {r.Speaker,-9} talk {r.TalkTimeSec,6:0.0} s ({r.TalkRatio:P0} of talk, {r.ShareOfCall:P0} of call), {r.SegmentCount} segments, level {r.MeanRmsDbfs:0.0} dBFS, peak {r.PeakDbfs:0.0} dBFS, clipped {r.ClippedFraction:P2}, {rate}");
        }

        sb.AppendLine();
        sb.AppendLine(c, $"Silences (nobody speaking): {m.Silences.Count}, {m.SilenceTotalSec:0.0} s in all");
        foreach (var s in m.Silences)
        {
            sb.AppendLine(c, $"  {Clock(s.Start)} - {Clock(s.End)}  {s.DurationSec,5:0.0} s  after {s.Before ?? "call start"}, before {s.After ?? "call end"}");
        }

        sb.AppendLine(c, $"Overlaps (both speaking): {m.Overlaps.Count}, {m.OverlapTotalSec:0.0} s in all");
        foreach (var o in m.Overlaps)
        {
            sb.AppendLine(c, $"  {Clock(o.Start)} - {Clock(o.End)}  {o.DurationSec,5:0.0} s  {o.By} started while {o.Interrupted} was speaking");
        }

        sb.AppendLine();
        sb.AppendLine(c, $"Segments: {m.Segments.Count}");
        foreach (var s in m.Segments)
        {
            var rate = s.Rate is null ? "" : $"  ~{s.Rate.SyllablesPerMinute:0}/min";
            sb.AppendLine(c, $"  {Clock(s.Start)} - {Clock(s.End)}  {s.Speaker,-9} {s.RmsDbfs,6:0.0} dBFS{rate}");
        }
    }

    private static string Clock(double seconds) =>
        TimeSpan.FromSeconds(seconds).ToString(seconds >= 3600 ? @"h\:mm\:ss\.f" : @"m\:ss\.f", CultureInfo.InvariantCulture);
}
