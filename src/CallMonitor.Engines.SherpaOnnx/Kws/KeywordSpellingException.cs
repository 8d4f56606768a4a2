using CallMonitor.Domain.Errors;

namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>A phrase cannot be turned into keywords the model can spot; the message names the phrase and why.</summary>
public sealed class KeywordSpellingException : CallMonitorException
{
    public KeywordSpellingException(string phrase, string message)
        : base(message)
    {
        Phrase = phrase;
    }

    /// <summary>The phrase as it was given.</summary>
    public string Phrase { get; }
}
