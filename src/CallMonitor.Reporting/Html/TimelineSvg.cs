using System.Text;
using CallMonitor.Domain.Calls;
using CallMonitor.Reporting.Reports;
using static CallMonitor.Reporting.Html.HtmlText;

namespace CallMonitor.Reporting.Html;

/// <summary>
/// The call on its audio timeline as inline SVG: one row per speaker (acoustic speech segments when the audio was
/// analysed, else the transcript's utterances), silences as grey bands, and a row of violation markers coloured by
/// severity whose tooltip (SVG <c>title</c>) says what fired.
/// </summary>
internal static class TimelineSvg
{
    private const double Width = 1000;
    private const double Left = 70;
    private const double RowHeight = 22;
    private const double RowGap = 8;
    private const double Top = 8;

    /// <summary>Without audio, gaps between utterances at least this long are shown as silences.</summary>
    private const double TranscriptGapSec = 3;

    private static readonly string[] SpeakerRows = ["agent", "customer", "mixed"];

    /// <summary>Tick spacings in seconds; the first that gives at most 12 ticks is used.</summary>
    private static readonly int[] TickSteps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];

    public static void Write(StringBuilder sb, CallReport report)
    {
        var spans = Spans(report);
        var silences = Silences(report, spans);
        var duration = new[] { report.DurationSec }
            .Concat(spans.Select(s => s.End))
            .Concat(report.Violations.Select(v => v.End))
            .Max();
        sb.Append("<section id=\"timeline\"><h2>时间轴 Timeline</h2>");
        if (duration <= 0)
        {
            sb.Append("<p class=\"muted\">Nothing on the timeline.</p></section>");
            return;
        }

        var speakers = SpeakerRows.Where(r => r is not "mixed" || spans.Any(s => s.Speaker == r)).ToList();
        var rows = speakers.Count + 1;
        var axisY = Top + (rows * (RowHeight + RowGap));
        var height = axisY + 22;
        var scale = (Width - Left - 10) / duration;
        double X(double t) => Left + (Math.Clamp(t, 0, duration) * scale);
        double W(double a, double b) => Math.Max(1.5, (Math.Min(b, duration) - Math.Max(a, 0)) * scale);

        sb.Append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Number(Width)).Append(' ')
          .Append(Number(height)).Append("\" role=\"img\" aria-label=\"call timeline\">");
        foreach (var s in silences)
        {
            sb.Append("<rect class=\"silence\" x=\"").Append(Number(X(s.Start))).Append("\" y=\"").Append(Number(Top))
              .Append("\" width=\"").Append(Number(W(s.Start, s.End))).Append("\" height=\"").Append(Number(axisY - Top - RowGap))
              .Append("\"><title>").Append(Escape($"静音 silence {Clock(s.Start)} – {Clock(s.End)} ({Number(s.End - s.Start, 1)} s)"))
              .Append("</title></rect>");
        }

        for (var i = 0; i < speakers.Count; i++)
        {
            var y = Top + (i * (RowHeight + RowGap));
            sb.Append("<text class=\"label\" x=\"4\" y=\"").Append(Number(y + 15)).Append("\">")
              .Append(TranscriptHtml.Label(speakers[i])).Append(' ').Append(speakers[i]).Append("</text>");
            foreach (var s in spans.Where(s => s.Speaker == speakers[i]))
            {
                sb.Append("<rect class=\"").Append(speakers[i]).Append("\" x=\"").Append(Number(X(s.Start))).Append("\" y=\"").Append(Number(y))
                  .Append("\" width=\"").Append(Number(W(s.Start, s.End))).Append("\" height=\"").Append(Number(RowHeight))
                  .Append("\"><title>").Append(Escape($"{Clock(s.Start)} – {Clock(s.End)} {s.Text}")).Append("</title></rect>");
            }
        }

        var markerY = Top + (speakers.Count * (RowHeight + RowGap));
        sb.Append("<text class=\"label\" x=\"4\" y=\"").Append(Number(markerY + 15)).Append("\">违规 flags</text>");
        foreach (var v in report.Violations)
        {
            var x = X(v.Start);
            var row = speakers.IndexOf(v.Speaker);
            sb.Append("<g class=\"marker ").Append(SeverityClass(v.Severity)).Append("\"><title>")
              .Append(Escape($"{Clock(v.Start)} {v.Type} ({v.RuleId}, {v.Severity}, {v.Speaker}): {v.Phrase ?? v.Evidence}")).Append("</title>")
              .Append("<rect x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(markerY)).Append("\" width=\"")
              .Append(Number(W(v.Start, v.End))).Append("\" height=\"").Append(Number(RowHeight)).Append("\" rx=\"2\" />")
              .Append("<polygon points=\"").Append(Number(x - 5)).Append(',').Append(Number(markerY - 2)).Append(' ')
              .Append(Number(x + 5)).Append(',').Append(Number(markerY - 2)).Append(' ').Append(Number(x)).Append(',').Append(Number(markerY + 6)).Append("\" />");
            if (row >= 0)
            {
                // A thin line up to the speaker's row ties the flag to who said it.
                var rowY = Top + (row * (RowHeight + RowGap));
                sb.Append("<rect x=\"").Append(Number(x - 0.75)).Append("\" y=\"").Append(Number(rowY)).Append("\" width=\"1.5\" height=\"")
                  .Append(Number(markerY - rowY)).Append("\" opacity=\"0.6\" />");
            }

            sb.Append("</g>");
        }

        WriteAxis(sb, duration, axisY, X);
        sb.Append("</svg><div class=\"legend\"><span>■ 坐席 agent (blue)</span><span>■ 客户 customer (green)</span>")
          .Append("<span>■ 静音 silence (grey)</span><span>▼ violation (colour = severity; hover for details)</span></div></section>");
    }

    private static void WriteAxis(StringBuilder sb, double duration, double axisY, Func<double, double> x)
    {
        sb.Append("<line class=\"axis\" x1=\"").Append(Number(Left)).Append("\" y1=\"").Append(Number(axisY)).Append("\" x2=\"")
          .Append(Number(x(duration))).Append("\" y2=\"").Append(Number(axisY)).Append("\" />");
        var step = TickSteps.FirstOrDefault(s => duration / s <= 12, 7200);
        for (double t = 0; t <= duration + 1e-9; t += step)
        {
            sb.Append("<text class=\"tick\" x=\"").Append(Number(x(t))).Append("\" y=\"").Append(Number(axisY + 15))
              .Append("\" text-anchor=\"middle\">").Append(Clock(t)).Append("</text>");
        }
    }

    private static List<Span> Spans(CallReport report)
    {
        if (report.Metrics is { Segments.Count: > 0 } metrics)
        {
            return [.. metrics.Segments.Select(s => new Span(s.Speaker, s.Start, s.End, $"{Number(s.RmsDbfs, 1)} dBFS"))];
        }

        return report.Transcript is { } transcript
            ? [.. transcript.Segments.Select(s => new Span(s.Speaker.ToWireName(), s.Start, s.End, s.Text))]
            : [];
    }

    private static List<(double Start, double End)> Silences(CallReport report, List<Span> spans)
    {
        if (report.Metrics is { } metrics)
        {
            return [.. metrics.Silences.Select(s => (s.Start, s.End))];
        }

        var gaps = new List<(double Start, double End)>();
        var covered = 0.0;
        foreach (var s in spans.OrderBy(s => s.Start))
        {
            if (s.Start - covered >= TranscriptGapSec)
            {
                gaps.Add((covered, s.Start));
            }

            covered = Math.Max(covered, s.End);
        }

        return gaps;
    }

    private readonly record struct Span(string Speaker, double Start, double End, string Text);
}
