using System.Globalization;
using System.Text;

namespace CallMonitor.Reporting.Html;

/// <summary>
/// Escaping and number formatting for the HTML report. The output is also well-formed XML: only the five XML
/// entities are used, and characters XML forbids (control characters, lone surrogates) are dropped.
/// </summary>
internal static class HtmlText
{
    /// <summary>Text safe inside an element or a double-quoted attribute.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t' or '\n' or '\r': sb.Append(ch); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default:
                    if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(ch).Append(text[++i]);
                    }
                    else if (!char.IsSurrogate(ch))
                    {
                        sb.Append(ch);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>m:ss.f (h:mm:ss.f past an hour).</summary>
    public static string Clock(double seconds) =>
        TimeSpan.FromSeconds(Math.Max(0, seconds)).ToString(seconds >= 3600 ? @"h\:mm\:ss\.f" : @"m\:ss\.f", CultureInfo.InvariantCulture);

    /// <summary>A number with up to <paramref name="decimals"/> decimals, invariant culture.</summary>
    public static string Number(double value, int decimals = 2) =>
        Math.Round(value, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);

    /// <summary>A CSS class for a severity wire name; unknown severities share one class.</summary>
    public static string SeverityClass(string? severity) => severity switch
    {
        "info" or "minor" or "major" or "critical" => "sev-" + severity,
        _ => "sev-other",
    };
}
