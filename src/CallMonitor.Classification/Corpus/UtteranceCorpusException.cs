namespace CallMonitor.Classification;

/// <summary>
/// The labelled corpus file is missing or malformed. <see cref="LineNumber"/> names the offending line when
/// there is one.
/// </summary>
public sealed class UtteranceCorpusException : Exception
{
    public UtteranceCorpusException()
    {
    }

    public UtteranceCorpusException(string message)
        : base(message)
    {
    }

    public UtteranceCorpusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UtteranceCorpusException(string corpusName, int lineNumber, string problem)
        : base($"{corpusName}, line {lineNumber}: {problem}")
    {
        CorpusName = corpusName;
        LineNumber = lineNumber;
    }

    /// <summary>The corpus file (or resource) at fault, when known.</summary>
    public string? CorpusName { get; }

    /// <summary>The line at fault (1-based), or 0 when the problem is not tied to a line.</summary>
    public int LineNumber { get; }
}
