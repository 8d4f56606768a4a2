namespace CallMonitor.Models;

/// <summary>The manifest file is missing, is not valid JSON, or breaks a rule (message names the entry and field).</summary>
public sealed class ModelManifestException : ModelException
{
    public ModelManifestException(string source, string problem, Exception? innerException = null)
        : base($"model manifest {source}: {problem}", innerException)
    {
        ManifestSource = source;
    }

    /// <summary>The manifest path, or a description of where its text came from.</summary>
    public string ManifestSource { get; }
}
