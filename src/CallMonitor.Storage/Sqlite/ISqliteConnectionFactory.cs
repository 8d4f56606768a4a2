using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Sqlite;

/// <summary>Opens a ready-to-use connection to the store's database (one per operation; the driver pools them).</summary>
internal interface ISqliteConnectionFactory
{
    /// <summary>What the connections point at, for messages.</summary>
    string Target { get; }

    ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Drops pooled connections so the file is released.</summary>
    void ReleasePool();
}
