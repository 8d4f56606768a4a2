namespace CallMonitor.Audio.Errors;

/// <summary>The input claims to be audio but its bytes are broken: bad header, truncated, lying sizes, not audio at all.</summary>
public sealed class CorruptAudioException : AudioException
{
    public CorruptAudioException(string source, string problem, Exception? innerException = null)
        : base(source, problem, innerException)
    {
    }
}
