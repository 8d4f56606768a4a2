using System.Text;
using CallMonitor.Compliance.Scoring;
using static CallMonitor.Reporting.Html.HtmlText;

namespace CallMonitor.Reporting.Html;

/// <summary>The score card: the form's sections and items, their points, what each rule took off, and which items need a person.</summary>
internal static class ScoreCardHtml
{
    public static void Write(StringBuilder sb, CallScore score)
    {
        sb.Append("<section id=\"score\"><h2>评分表 Score card</h2>");
        sb.Append("<table class=\"score-card\"><thead><tr><th>项目 Item</th><th>评估依据 Basis</th><th class=\"num\">分数 Max</th>")
          .Append("<th class=\"num\">得分 Points</th><th>扣分 Deductions</th></tr></thead><tbody>");
        foreach (var section in score.Sections)
        {
            sb.Append("<tr class=\"section-row\"><td colspan=\"2\">").Append(Escape(section.Name))
              .Append(" <span class=\"badge\">").Append(Escape(section.Kind)).Append("</span></td>")
              .Append("<td class=\"num\">").Append(Number(section.Max)).Append("</td>")
              .Append("<td class=\"num\">").Append(Number(section.Points)).Append("</td><td></td></tr>");
            foreach (var item in section.Items)
            {
                WriteItem(sb, item);
            }
        }

        sb.Append("</tbody><tfoot><tr class=\"section-row\"><td colspan=\"2\">总分 Total</td>")
          .Append("<td class=\"num\">").Append(Number(score.Max)).Append("</td>")
          .Append("<td class=\"num\">").Append(Number(score.Total)).Append("</td><td>")
          .Append("base ").Append(Number(score.BasePoints)).Append(", bonus ").Append(Number(score.Bonus))
          .Append(", penalty ").Append(Number(score.Penalty)).Append("</td></tr></tfoot></table>");
        if (score.ManualPoints > 0)
        {
            sb.Append("<p class=\"muted\">").Append(Number(score.ManualPoints))
              .Append(" points are not judged automatically and are counted at full marks until a supervisor scores them.</p>");
        }

        if (score.UnscoredRuleIds.Count > 0)
        {
            sb.Append("<p class=\"muted\">Rules that fired but are not on the form: ")
              .Append(Escape(string.Join(", ", score.UnscoredRuleIds))).Append("</p>");
        }

        sb.Append("</section>");
    }

    private static void WriteItem(StringBuilder sb, ScoredItem item)
    {
        sb.Append(item.Automated ? "<tr>" : "<tr class=\"manual\">")
          .Append("<td>").Append(Escape(item.Name));
        if (!item.Automated)
        {
            sb.Append(" <span class=\"badge manual\" title=\"").Append(Escape(item.Note)).Append("\">人工评分 not judged automatically</span>");
        }

        sb.Append("</td><td>").Append(Escape(item.Basis)).Append("</td>")
          .Append("<td class=\"num\">").Append(Number(item.Max)).Append("</td>")
          .Append("<td class=\"num\">").Append(Number(item.Points)).Append("</td><td>");
        var first = true;
        foreach (var d in item.Deductions)
        {
            sb.Append(first ? string.Empty : "<br />")
              .Append(Escape(d.RuleId)).Append(" ×").Append(d.Violations)
              .Append(item.Max < 0 || d.Points < 0 ? " → " : " −").Append(Number(d.Points));
            first = false;
        }

        sb.Append("</td></tr>");
    }
}
