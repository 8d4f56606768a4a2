using CallMonitor.Domain.Errors;

namespace CallMonitor.Audio.Errors;

/// <summary>Base of audio input errors. The message names the source (file name or stream) and the problem.</summary>
public abstract class AudioException : CallMonitorException
{
    protected AudioException(string source, string problem, Exception? innerException = null)
        : base($"{source}: {problem}", innerException)
    {
        Source = source;
        Problem = problem;
    }

    /// <summary>The file name or stream description the problem was found in.</summary>
    public new string Source { get; }

    /// <summary>What is wrong, without the source name.</summary>
    public string Problem { get; }
}
