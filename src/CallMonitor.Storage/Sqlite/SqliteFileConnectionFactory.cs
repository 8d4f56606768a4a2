using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Sqlite;

/// <summary>Pooled connections to one database file, each set up for concurrent use under WAL.</summary>
internal sealed class SqliteFileConnectionFactory : ISqliteConnectionFactory
{
    private readonly string _connectionString;

    public SqliteFileConnectionFactory(string databasePath, int busyTimeoutSeconds)
    {
        Target = databasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = busyTimeoutSeconds,
        }.ToString();
    }

    public string Target { get; }

    public async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            // NORMAL is durable across application crashes under WAL (only an OS crash may lose the last commits).
            pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void ReleasePool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
