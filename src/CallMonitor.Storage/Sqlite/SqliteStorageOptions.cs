using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Resilience;

namespace CallMonitor.Storage.Sqlite;

/// <summary>Where the embedded database lives and how its writes are guarded.</summary>
public sealed record SqliteStorageOptions
{
    /// <summary>Path of the database file; created with its folder when missing.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>How long one statement waits for another connection's lock before failing as busy (whole seconds, 1..60);
    /// the resilience pipeline then retries.</summary>
    public int BusyTimeoutSeconds { get; init; } = 2;

    public StorageResilienceOptions Resilience { get; init; } = new();

    /// <summary>Throws <see cref="StorageConfigurationException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new StorageConfigurationException("Storage option DatabasePath is empty; set it to the path of the SQLite file to use.");
        }

        if (BusyTimeoutSeconds is < 1 or > 60)
        {
            throw new StorageConfigurationException(
                $"Storage option BusyTimeoutSeconds must be between 1 and 60; it is set to {BusyTimeoutSeconds}.");
        }

        (Resilience ?? throw new StorageConfigurationException("Storage option Resilience is null.")).Validate();
    }
}
