using System.Globalization;
using System.Text;
using CallMonitor.Reporting.Reports;
using static CallMonitor.Reporting.Html.HtmlText;

namespace CallMonitor.Reporting.Html;

/// <summary>
/// Writes a report as one self-contained HTML page for a QA supervisor: header with the score, score card, timeline
/// of both speakers with the violations marked, violations table, transcript with the hits highlighted, engines.
/// Inline CSS and SVG only (no scripts, no external assets), UTF-8, every caller-supplied text escaped; the markup is
/// also well-formed XML (XHTML style), so it can be checked with an XML parser.
/// </summary>
public static class HtmlReportWriter
{
    public static string Write(CallReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder(16 * 1024);
        sb.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"utf-8\" />")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />")
          .Append("<title>").Append(Escape($"通话质检报告 {report.CallId}")).Append("</title>")
          .Append("<style>").Append(ReportCss.Text).Append("</style></head><body><main>");
        WriteHeader(sb, report);
        if (report.Score is { } score)
        {
            ScoreCardHtml.Write(sb, score);
        }

        TimelineSvg.Write(sb, report);
        WriteViolations(sb, report);
        if (report.Transcript is { } transcript)
        {
            TranscriptHtml.Write(sb, report, transcript);
        }

        WriteEngines(sb, report);
        sb.Append("</main></body></html>\n");
        return sb.ToString();
    }

    private static void WriteHeader(StringBuilder sb, CallReport report)
    {
        sb.Append("<header class=\"top\"><div><h1>通话质检报告 Call ").Append(Escape(report.CallId)).Append("</h1><dl>")
          .Append("<dt>时长 Duration</dt><dd>").Append(Clock(report.DurationSec)).Append("</dd>")
          .Append("<dt>来源 Source</dt><dd>").Append(Escape(report.Source.File)).Append(" (").Append(Escape(report.Source.Format)).Append(")</dd>")
          .Append("<dt>声道 Channels</dt><dd>").Append(Escape(report.Channels)).Append("</dd>");
        if (report.Transcript?.StartedAt is { } started)
        {
            sb.Append("<dt>开始 Started</dt><dd>").Append(Escape(started.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture))).Append("</dd>");
        }

        sb.Append("<dt>规则包 Rule pack</dt><dd>")
          .Append(report.RulePack is { } pack ? Escape($"{pack.Id} {pack.Version}") : "compliance not run").Append("</dd>")
          .Append("<dt>违规 Violations</dt><dd>").Append(report.Violations.Count).Append("</dd></dl></div>");
        if (report.Score is { } score)
        {
            sb.Append("<div class=\"score-big\"><div><span class=\"value\">").Append(Number(score.Total))
              .Append("</span><span class=\"of\"> / ").Append(Number(score.Max)).Append("</span></div>");
            if (score.ManualPoints > 0)
            {
                sb.Append("<div class=\"note\">incl. ").Append(Number(score.ManualPoints)).Append(" points at full marks awaiting a supervisor</div>");
            }

            sb.Append("</div>");
        }

        sb.Append("</header>");
    }

    private static void WriteViolations(StringBuilder sb, CallReport report)
    {
        sb.Append("<section id=\"violations\"><h2>违规与提醒 Violations (").Append(report.Violations.Count).Append(")</h2>");
        if (report.Violations.Count == 0)
        {
            sb.Append("<p class=\"muted\">").Append(report.RulePack is null ? "Compliance rules were not run." : "No violations.").Append("</p>");
        }
        else
        {
            sb.Append("<table class=\"violations\"><thead><tr><th>时间 Time</th><th>说话人 Speaker</th><th>类型 Type</th><th>严重度 Severity</th>")
              .Append("<th>短语 Phrase</th><th>证据 Evidence</th><th>来源 Source</th><th class=\"num\">置信度 Confidence</th></tr></thead><tbody>");
            foreach (var v in report.Violations.OrderBy(v => v.Start).ThenBy(v => v.RuleId, StringComparer.Ordinal))
            {
                var sources = v.Sources.Count > 0 ? string.Join(" + ", v.Sources) : v.Source;
                sb.Append("<tr><td>").Append(Clock(v.Start)).Append(" – ").Append(Clock(v.End)).Append("</td>")
                  .Append("<td>").Append(TranscriptHtml.Label(v.Speaker)).Append("</td>")
                  .Append("<td>").Append(Escape(v.Type)).Append("<br /><span class=\"muted\">").Append(Escape(v.RuleId)).Append("</span></td>")
                  .Append("<td><span class=\"badge ").Append(SeverityClass(v.Severity)).Append("\">").Append(Escape(v.Severity)).Append("</span></td>")
                  .Append("<td>").Append(Escape(v.Phrase)).Append("</td>")
                  .Append("<td>").Append(Escape(v.Evidence)).Append("</td>")
                  .Append("<td>").Append(Escape(sources)).Append("</td>")
                  .Append("<td class=\"num\">").Append(Number(v.Confidence)).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        if (report.RulePack is { NotEvaluated.Count: > 0 } pack)
        {
            sb.Append("<p class=\"muted\">Rules this version cannot judge automatically: ")
              .Append(Escape(string.Join(", ", pack.NotEvaluated))).Append("</p>");
        }

        sb.Append("</section>");
    }

    private static void WriteEngines(StringBuilder sb, CallReport report)
    {
        sb.Append("<section id=\"engines\"><h2>引擎 Engines</h2><ul class=\"engines\">");
        foreach (var e in report.Engines)
        {
            sb.Append("<li><strong>").Append(Escape(e.Name)).Append("</strong>: ").Append(Escape(e.Implementation))
              .Append(" <span class=\"badge\">").Append(Escape(e.Status)).Append("</span>");
            if (e.Detail is not null)
            {
                sb.Append(" – ").Append(Escape(e.Detail));
            }

            sb.Append("</li>");
        }

        sb.Append("</ul><p class=\"muted\">Analysed in ").Append(Number(report.Processing.WallSec)).Append(" s (CPU ")
          .Append(Number(report.Processing.CpuSec)).Append(" s).</p></section>");
    }
}
