using CallMonitor.Domain.Errors;

namespace CallMonitor.Compliance.Rules;

/// <summary>
/// A rule pack that cannot be used: unreadable, not YAML, or valid YAML that breaks the pack schema. The message
/// names the source and, when the problem sits at a node of the document, its line and column (1-based), so
/// <c>callmonitor rules validate</c> can point the author at the place to fix.
/// </summary>
public sealed class RulePackException : CallMonitorException
{
    public RulePackException(string source, int? line, int? column, string problem, Exception? innerException = null)
        : base(Format(source, line, column, problem), innerException)
    {
        Source = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file name (or other source name) of the pack.</summary>
    public new string Source { get; }

    /// <summary>1-based line of the offending node, when known.</summary>
    public int? Line { get; }

    /// <summary>1-based column of the offending node, when known.</summary>
    public int? Column { get; }

    /// <summary>The problem alone, without the location prefix.</summary>
    public string Problem { get; }

    private static string Format(string source, int? line, int? column, string problem) => (line, column) switch
    {
        (int l, int c) => $"{source}:{l}:{c}: {problem}",
        (int l, null) => $"{source}:{l}: {problem}",
        _ => $"{source}: {problem}",
    };
}
