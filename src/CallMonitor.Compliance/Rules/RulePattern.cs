using System.Text.RegularExpressions;

namespace CallMonitor.Compliance.Rules;

/// <summary>
/// A regular expression of a rule, validated when the pack loads: it compiled with
/// <see cref="RegexOptions.NonBacktracking"/> (linear time, so a hostile pattern cannot hang the matcher), it is
/// written in simplified characters, and it cannot match empty text. It runs over normalised text.
/// </summary>
public sealed class RulePattern
{
    internal RulePattern(string pattern, Regex regex, int line, int column)
    {
        Pattern = pattern;
        Regex = regex;
        Line = line;
        Column = column;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>The compiled expression (thread-safe; carries a match timeout as a second guard).</summary>
    public Regex Regex { get; }

    public int Line { get; }

    public int Column { get; }

    public override string ToString() => Pattern;
}
