using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Resilience;

/// <summary>Which SQLite failures are worth retrying and which count against the circuit breaker.</summary>
internal static class TransientSqliteFaults
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int IoError = 10;
    private const int Full = 13;
    private const int CantOpen = 14;

    /// <summary>Another connection holds the lock: waiting and trying again will likely work.</summary>
    public static bool IsRetryable(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: Busy or Locked };

    /// <summary>Failures of the database itself (lock contention, I/O, disk full, cannot open), not of the caller's data.</summary>
    public static bool IsInfrastructureFault(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: Busy or Locked or IoError or Full or CantOpen }
        || exception is Polly.Timeout.TimeoutRejectedException;
}
