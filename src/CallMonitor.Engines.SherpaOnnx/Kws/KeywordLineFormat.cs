using System.Globalization;
using System.Text;

namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>
/// The keyword-file line format of sherpa-onnx: space-separated tokens, then optional <c>:boost</c> and
/// <c>#threshold</c>, then <c>@phrase</c>, e.g. <c>n ǐ h ǎo j ūn g ē :2.0 #0.3 @你好军哥</c>. Blank lines
/// and lines starting with '#' followed by a space are ignored when reading a file.
/// </summary>
public static class KeywordLineFormat
{
    /// <summary>Parses one line.</summary>
    /// <exception cref="FormatException">No tokens, no <c>@phrase</c>, or a number that does not parse.</exception>
    public static KeywordSpec Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var tokens = new List<string>();
        string? phrase = null;
        float? threshold = null, boost = null;
        foreach (var word in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            switch (word[0])
            {
                case '@':
                    phrase = word[1..];
                    break;
                case ':':
                    boost = ParseNumber(word, line);
                    break;
                case '#':
                    threshold = ParseNumber(word, line);
                    break;
                default:
                    tokens.Add(word);
                    break;
            }
        }

        if (tokens.Count == 0 || string.IsNullOrEmpty(phrase))
        {
            throw new FormatException($"keyword line '{line}' needs tokens and an @phrase, e.g. 'n ǐ h ǎo @你好'");
        }

        return new KeywordSpec(phrase, tokens, threshold, boost);
    }

    /// <summary>Parses every non-blank line of a keyword file's text.</summary>
    /// <exception cref="FormatException">A line is malformed; the message gives its number.</exception>
    public static IReadOnlyList<KeywordSpec> ParseLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var specs = new List<KeywordSpec>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                specs.Add(Parse(line));
            }
            catch (FormatException ex)
            {
                throw new FormatException($"line {i + 1}: {ex.Message}", ex);
            }
        }

        return specs;
    }

    /// <summary>Writes a spec as one line (the inverse of <see cref="Parse"/>).</summary>
    public static string Format(KeywordSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var line = new StringBuilder(spec.TokenText);
        if (spec.Boost is { } boost)
        {
            line.Append(" :").Append(boost.ToString("R", CultureInfo.InvariantCulture));
        }

        if (spec.Threshold is { } threshold)
        {
            line.Append(" #").Append(threshold.ToString("R", CultureInfo.InvariantCulture));
        }

        return line.Append(" @").Append(spec.Phrase).ToString();
    }

    private static float ParseNumber(string word, string line)
    {
        if (!float.TryParse(word.AsSpan(1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{word}' in keyword line '{line}' is not a number");
        }

        return value;
    }
}
