using System.Text;
using CallMonitor.Domain.Calls;
using CallMonitor.Reporting.Reports;
using CallMonitor.Speech.Transcripts;
using static CallMonitor.Reporting.Html.HtmlText;

namespace CallMonitor.Reporting.Html;

/// <summary>
/// The transcript, one row per utterance, with the words that fired a rule in <c>&lt;mark&gt;</c>: a violation is
/// marked in the utterance of its speaker that it overlaps in time, at its evidence text (or else its phrase).
/// </summary>
internal static class TranscriptHtml
{
    /// <summary>Extra seconds allowed between a violation's time and its utterance's (engine times differ a little).</summary>
    private const double Slack = 0.5;

    public static void Write(StringBuilder sb, CallReport report, TranscriptDocument transcript)
    {
        sb.Append("<section id=\"transcript\"><h2>通话文本 Transcript");
        if (report.TranscriptSource is { } source)
        {
            sb.Append(" <span class=\"badge\">").Append(Escape(source)).Append("</span>");
        }

        sb.Append("</h2><div class=\"transcript\">");
        foreach (var segment in transcript.Segments)
        {
            var speaker = segment.Speaker.ToWireName();
            var marks = MarksIn(segment, speaker, report.Violations);
            sb.Append(marks.Count > 0 ? "<div class=\"utt flagged\">" : "<div class=\"utt\">")
              .Append("<span class=\"time\">").Append(Clock(segment.Start)).Append(" – ").Append(Clock(segment.End)).Append("</span>")
              .Append("<span class=\"who ").Append(speaker).Append("\">").Append(Label(speaker)).Append("</span>")
              .Append("<span class=\"text\">");
            WriteMarked(sb, segment.Text, marks);
            sb.Append("</span></div>");
        }

        foreach (var e in transcript.Events)
        {
            sb.Append("<div class=\"utt\"><span class=\"time\">").Append(Clock(e.At)).Append("</span>")
              .Append("<span class=\"who ").Append(e.By.ToWireName()).Append("\">").Append(Label(e.By.ToWireName())).Append("</span>")
              .Append("<span class=\"text muted\">挂机 hung up</span></div>");
        }

        sb.Append("</div></section>");
    }

    /// <summary>Chinese label of a speaker wire name.</summary>
    public static string Label(string speaker) => speaker switch
    {
        "agent" => "坐席",
        "customer" => "客户",
        "mixed" => "混合",
        _ => Escape(speaker),
    };

    private static List<Mark> MarksIn(TranscriptSegment segment, string speaker, IReadOnlyList<ViolationInfo> violations)
    {
        var marks = new List<Mark>();
        foreach (var v in violations)
        {
            var sameSpeaker = v.Speaker == speaker || (v.Speaker is "mixed" && segment.Speaker == SpeakerRole.Mixed);
            if (!sameSpeaker || v.Start > segment.End + Slack || v.End < segment.Start - Slack)
            {
                continue;
            }

            if ((Find(segment.Text, v.Evidence) ?? Find(segment.Text, v.Phrase)) is { } found)
            {
                marks.Add(new Mark(found.Start, found.Start + found.Length, v));
            }
        }

        return marks;
    }

    private static (int Start, int Length)? Find(string text, string? needle)
    {
        if (string.IsNullOrWhiteSpace(needle))
        {
            return null;
        }

        var at = text.IndexOf(needle.Trim(), StringComparison.Ordinal);
        return at < 0 ? null : (at, needle.Trim().Length);
    }

    /// <summary>Writes <paramref name="text"/> escaped, overlapping marks merged into one (titled with every rule).</summary>
    private static void WriteMarked(StringBuilder sb, string text, List<Mark> marks)
    {
        var pos = 0;
        foreach (var group in Merge(marks))
        {
            sb.Append(Escape(text[pos..group.Start]))
              .Append("<mark class=\"").Append(SeverityClass(group.Violations[0].Severity)).Append("\" title=\"")
              .Append(Escape(string.Join("; ", group.Violations.Select(v => $"{v.Type} ({v.RuleId}, {v.Severity})"))))
              .Append("\">").Append(Escape(text[group.Start..group.End])).Append("</mark>");
            pos = group.End;
        }

        sb.Append(Escape(text[pos..]));
    }

    private static List<(int Start, int End, List<ViolationInfo> Violations)> Merge(List<Mark> marks)
    {
        var merged = new List<(int Start, int End, List<ViolationInfo> Violations)>();
        foreach (var m in marks.OrderBy(m => m.Start).ThenByDescending(m => m.End))
        {
            if (merged.Count > 0 && m.Start < merged[^1].End)
            {
                var last = merged[^1];
                last.Violations.Add(m.Violation);
                merged[^1] = (last.Start, Math.Max(last.End, m.End), last.Violations);
            }
            else
            {
                merged.Add((m.Start, m.End, [m.Violation]));
            }
        }

        return merged;
    }

    private readonly record struct Mark(int Start, int End, ViolationInfo Violation);
}
