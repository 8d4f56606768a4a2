using System.Text;

namespace CallMonitor.Engines.Vosk.Results;

/// <summary>
/// Turns vosk's space-separated tokens into text as the matcher takes it: Chinese words are written without the
/// spaces vosk puts between them, while a space stays between two Latin-letter or digit tokens ("VIP 客户" →
/// "VIP客户", "iphone 12" stays "iphone 12").
/// </summary>
internal static class TokenTextJoiner
{
    public static string Join(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var text = new StringBuilder();
        char? previousLast = null;
        foreach (var raw in tokens)
        {
            var token = raw.Trim();
            if (token.Length == 0)
            {
                continue;
            }

            if (previousLast is { } last && char.IsAsciiLetterOrDigit(last) && char.IsAsciiLetterOrDigit(token[0]))
            {
                text.Append(' ');
            }

            text.Append(token);
            previousLast = token[^1];
        }

        return text.ToString();
    }

    /// <summary>Joins a space-separated line of tokens.</summary>
    public static string JoinSpaced(string? spaced) =>
        spaced is null ? string.Empty : Join(spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
