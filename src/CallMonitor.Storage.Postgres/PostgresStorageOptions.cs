using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Resilience;

namespace CallMonitor.Storage.Postgres;

/// <summary>Where the shared PostgreSQL store lives and how its operations are guarded.</summary>
public sealed record PostgresStorageOptions
{
    /// <summary>
    /// An Npgsql connection string, e.g. <c>Host=db.internal;Port=5432;Database=callmonitor;Username=callmonitor;Password=…</c>.
    /// The database must exist; the schema is created and migrated on open.
    /// </summary>
    public required string ConnectionString { get; init; }

    /// <summary>Timeouts, retries on transient faults and the circuit breaker, for reads and writes alike.</summary>
    public StorageResilienceOptions Resilience { get; init; } = new();

    /// <summary>Throws <see cref="StorageConfigurationException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new StorageConfigurationException(
                "Storage option ConnectionString is empty; set it to the PostgreSQL connection string (Host=…;Database=…;Username=…).");
        }

        (Resilience ?? throw new StorageConfigurationException("Storage option Resilience is null.")).Validate();
    }
}
