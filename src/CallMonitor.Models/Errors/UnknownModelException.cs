namespace CallMonitor.Models;

/// <summary>A model name that the manifest does not list.</summary>
public sealed class UnknownModelException : ModelException
{
    public UnknownModelException(string name, IEnumerable<string> known)
        : base($"unknown model '{name}'; the manifest lists: {string.Join(", ", known)}")
    {
        Name = name;
    }

    public string Name { get; }
}
