namespace CallMonitor.Models;

/// <summary>
/// A source (cache folder, archive, download) that does not hold what the manifest expects: an unreadable archive,
/// a missing root folder, a missing required file.
/// </summary>
public sealed class ModelSourceException : ModelException
{
    public ModelSourceException(string source, string problem, Exception? innerException = null)
        : base($"{source}: {problem}", innerException)
    {
        ModelSource = source;
    }

    /// <summary>The folder, archive path or URL that was tried.</summary>
    public string ModelSource { get; }
}
