namespace CallMonitor.Audio.Errors;

/// <summary>The input is well-formed but in a format or codec CallMonitor cannot read (or needs a missing tool such as ffmpeg).</summary>
public sealed class UnsupportedAudioFormatException : AudioException
{
    public UnsupportedAudioFormatException(string source, string problem, Exception? innerException = null)
        : base(source, problem, innerException)
    {
    }
}
