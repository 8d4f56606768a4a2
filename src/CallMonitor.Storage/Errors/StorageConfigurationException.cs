namespace CallMonitor.Storage.Errors;

/// <summary>Storage or resilience options are invalid; raised when the store is built, so it fails at start-up.</summary>
public sealed class StorageConfigurationException : StorageException
{
    public StorageConfigurationException(string message)
        : base(message)
    {
    }
}
