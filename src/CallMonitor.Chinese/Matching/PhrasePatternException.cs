namespace CallMonitor.Chinese.Matching;

/// <summary>A <see cref="PhrasePattern"/> that cannot be compiled; the message says which one and why.</summary>
public sealed class PhrasePatternException : Exception
{
    public PhrasePatternException()
        : this("A phrase pattern is invalid.")
    {
    }

    public PhrasePatternException(string message)
        : base(message)
    {
    }

    public PhrasePatternException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PhrasePatternException(string? patternId, string message)
        : base(message)
    {
        PatternId = patternId;
    }

    /// <summary>The id of the offending pattern, when it has one.</summary>
    public string? PatternId { get; }
}
