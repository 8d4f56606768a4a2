using System.Net.Sockets;
using Npgsql;
using Polly.Timeout;

namespace CallMonitor.Storage.Postgres.Resilience;

/// <summary>Which PostgreSQL failures are worth retrying and which are the caller's configuration.</summary>
internal static class TransientPostgresFaults
{
    /// <summary>
    /// The server or the network, not the statement: connection refused or dropped, the server shutting down or
    /// starting up (57P01, 57P02, 57P03), any connection exception (class 08), too many connections (53300), and the
    /// serialization failures a retry resolves (40001, 40P01).
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => IsTransientState(postgres.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>The connection itself is gone (not just one statement): idle pooled connections are likely dead too.</summary>
    public static bool IsConnectionLost(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException npgsql => npgsql.InnerException is SocketException or IOException or TimeoutException,
        _ => false,
    };

    /// <summary>28xxx: the server refused the login (wrong user or password, pg_hba rejects the client).</summary>
    public static bool IsLoginRefused(Exception exception) =>
        exception is PostgresException postgres && postgres.SqlState.StartsWith("28", StringComparison.Ordinal);

    /// <summary>3D000: the database named in the connection string does not exist.</summary>
    public static bool IsMissingDatabase(Exception exception) => exception is PostgresException { SqlState: "3D000" };

    private static bool IsTransientState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300" or "40001" or "40P01";
}
