using CallMonitor.Domain.Errors;

namespace CallMonitor.Storage.Errors;

/// <summary>Base of every error the storage layer reports: the message names the database and what to do.</summary>
public abstract class StorageException : CallMonitorException
{
    protected StorageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
