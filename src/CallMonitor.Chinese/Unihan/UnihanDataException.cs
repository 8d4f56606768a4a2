namespace CallMonitor.Chinese.Unihan;

/// <summary>
/// The Unihan tables embedded at build time are missing or unreadable. This points at a broken build
/// (the tables are generated from the Debian package unicode-data), not at the caller's input.
/// </summary>
public sealed class UnihanDataException : Exception
{
    public UnihanDataException()
    {
    }

    public UnihanDataException(string message)
        : base(message)
    {
    }

    public UnihanDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
