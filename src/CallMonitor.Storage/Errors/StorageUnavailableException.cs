namespace CallMonitor.Storage.Errors;

/// <summary>
/// A write could not be done now: the database stayed busy or locked through every retry, an attempt timed out,
/// or the circuit breaker is open after repeated failures. The caller may try again later; nothing was half-written.
/// </summary>
public sealed class StorageUnavailableException : StorageException
{
    public StorageUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
