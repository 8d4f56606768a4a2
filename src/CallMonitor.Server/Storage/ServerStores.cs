using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Postgres;
using CallMonitor.Storage.Reports;
using CallMonitor.Storage.RulePacks;
using CallMonitor.Storage.Sqlite;

namespace CallMonitor.Server.Storage;

/// <summary>
/// Where calls, reports, transcripts and rule packs live: the embedded SQLite database of one machine, or the
/// PostgreSQL database every node of a multi-node deployment shares (a call id is then taken once across nodes).
/// The databases themselves are owned (and closed) by the service container.
/// </summary>
/// <param name="Description">Where, for the log: a file path, or host, port and database (never a password).</param>
public sealed record ServerStores(ICallStore Calls, IReportStore Reports, IRulePackStore RulePacks, string Description, int SchemaVersion)
{
    public static ServerStores From(SqliteStorage sqlite, string path)
    {
        ArgumentNullException.ThrowIfNull(sqlite);
        return new ServerStores(sqlite.Calls, sqlite.Reports, sqlite.RulePacks, Path.GetFullPath(path), sqlite.SchemaVersion);
    }

    public static ServerStores From(PostgresStorage postgres)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        return new ServerStores(postgres.Calls, postgres.Reports, postgres.RulePacks, postgres.Target, postgres.SchemaVersion);
    }
}
