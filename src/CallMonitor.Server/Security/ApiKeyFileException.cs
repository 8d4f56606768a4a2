using CallMonitor.Domain.Errors;

namespace CallMonitor.Server.Security;

/// <summary>The API key file is missing, unreadable or wrong; the message names the file, line and column and what to fix.</summary>
public sealed class ApiKeyFileException : CallMonitorException
{
    public ApiKeyFileException(string source, int? line, int? column, string problem, Exception? innerException = null)
        : base(Format(source, line, column, problem), innerException)
    {
        Source = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The key file's path (or another name for the text).</summary>
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
