namespace CallMonitor.Models;

/// <summary>A file's size or sha256 is not the one the manifest records.</summary>
public sealed class ModelChecksumException : ModelException
{
    public ModelChecksumException(string file, string expected, string actual)
        : base($"{file}: expected {expected}, got {actual}; the file is damaged or is another version")
    {
        File = file;
        Expected = expected;
        Actual = actual;
    }

    public string File { get; }

    public string Expected { get; }

    public string Actual { get; }
}
