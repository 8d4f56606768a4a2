namespace CallMonitor.Storage.Errors;

/// <summary>The database file has a schema this build cannot use (written by a newer CallMonitor, or damaged).</summary>
public sealed class StorageSchemaException : StorageException
{
    public StorageSchemaException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
