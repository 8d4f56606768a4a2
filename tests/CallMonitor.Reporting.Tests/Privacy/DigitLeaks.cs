using System.Text;
using System.Text.Json;

namespace CallMonitor.Reporting.Tests.Privacy;

/// <summary>Looks for readable pieces of a known number anywhere in a JSON document, however it is written or split.</summary>
internal static class DigitLeaks
{
    private const string ChineseDigits = "零〇一幺么二两三四五六七八九";
    private const string ChineseValues = "00111223456789";
    private const string Separators = " -－,，、)）\u3000";

    /// <summary>
    /// Every string value of <paramref name="json"/>, in document order and joined with nothing, with digits of any
    /// script as ASCII digits, separators dropped and anything else as '|'. A number written one word per digit, or
    /// grouped with spaces, reads as one digit string here.
    /// </summary>
    public static string DigitStream(string json)
    {
        using var document = JsonDocument.Parse(json);
        var stream = new StringBuilder();
        Append(document.RootElement, stream);
        return stream.ToString();
    }

    /// <summary>The pieces of <paramref name="digits"/> (ASCII) of <paramref name="window"/> digits that occur in <paramref name="stream"/>.</summary>
    public static IReadOnlyList<string> Readable(string stream, string digits, int window = 7) =>
        [.. Enumerable.Range(0, digits.Length - window + 1)
            .Select(i => digits.Substring(i, window))
            .Where(piece => stream.Contains(piece, StringComparison.Ordinal))];

    private static void Append(JsonElement element, StringBuilder stream)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Append(property.Value, stream);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Append(item, stream);
                }

                break;
            case JsonValueKind.String:
                foreach (var c in element.GetString()!)
                {
                    stream.Append(Digit(c) ?? (Separators.Contains(c, StringComparison.Ordinal) ? string.Empty : "|"));
                }

                break;
            default:
                break;
        }
    }

    private static string? Digit(char c)
    {
        if (c is >= '0' and <= '9')
        {
            return c.ToString();
        }

        if (c is >= '０' and <= '９')
        {
            return ((char)('0' + (c - '０'))).ToString();
        }

        if (c is 'X' or 'x')
        {
            return "X";
        }

        var at = ChineseDigits.IndexOf(c, StringComparison.Ordinal);
        return at < 0 ? null : ChineseValues[at].ToString();
    }
}
