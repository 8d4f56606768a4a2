using CallMonitor.Domain.Errors;

namespace CallMonitor.Speech.Transcripts;

/// <summary>
/// A supplied transcript cannot be used. The message names the file and the place in it (a JSON line and byte,
/// or a path such as <c>segments[3].end</c>) and what is wrong there.
/// </summary>
public sealed class InvalidTranscriptException : CallMonitorException
{
    public InvalidTranscriptException(string sourceName, string place, string problem, Exception? innerException = null)
        : base($"transcript {sourceName}: {place}: {problem}", innerException)
    {
        SourceName = sourceName;
        Place = place;
        Problem = problem;
    }

    /// <summary>The file (or other source) the transcript came from.</summary>
    public string SourceName { get; }

    /// <summary>Where in it: <c>line 3, byte 14</c>, <c>segments[2].speaker</c>, <c>file</c>.</summary>
    public string Place { get; }

    /// <summary>What is wrong there.</summary>
    public string Problem { get; }
}
