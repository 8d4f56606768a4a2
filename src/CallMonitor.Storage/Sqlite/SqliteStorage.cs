using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Events;
using CallMonitor.Storage.Reports;
using CallMonitor.Storage.Resilience;
using CallMonitor.Storage.RulePacks;
using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode holding calls, violations, reports, transcripts, the event log and the published rule packs.
/// <see cref="OpenAsync"/> validates the options and migrates the schema, so a bad configuration or a database from
/// a newer build fails at start-up. All members are safe for concurrent use; dispose it to release the file.
/// </summary>
public sealed class SqliteStorage : IAsyncDisposable
{
    private readonly ISqliteConnectionFactory _connections;

    private SqliteStorage(ISqliteConnectionFactory connections, StorageWriteResilience resilience, TimeProvider time, int schemaVersion)
    {
        _connections = connections;
        Resilience = resilience;
        SchemaVersion = schemaVersion;
        Calls = new SqliteCallStore(connections, resilience, time);
        Reports = new SqliteReportStore(connections, resilience, time);
        Events = new SqliteEventLog(connections, resilience, time);
        RulePacks = new SqliteRulePackStore(connections, resilience, time);
    }

    /// <summary>Newest schema version this build knows.</summary>
    public static int LatestSchemaVersion => SchemaMigrations.All[^1].Version;

    public ICallStore Calls { get; }

    public IReportStore Reports { get; }

    public IEventLog Events { get; }

    /// <summary>Published rule packs and the one in force.</summary>
    public IRulePackStore RulePacks { get; }

    /// <summary>The pipeline guarding this database's writes (retry count and circuit state for metrics).</summary>
    public StorageWriteResilience Resilience { get; }

    /// <summary>Schema version of the database after migration.</summary>
    public int SchemaVersion { get; }

    public static Task<SqliteStorage> OpenAsync(
        SqliteStorageOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var path = Path.GetFullPath(options.DatabasePath);
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return OpenWithAsync(new SqliteFileConnectionFactory(path, options.BusyTimeoutSeconds), options.Resilience,
            timeProvider ?? TimeProvider.System, SchemaMigrations.All, cancellationToken);
    }

    internal static async Task<SqliteStorage> OpenWithAsync(
        ISqliteConnectionFactory connections,
        StorageResilienceOptions resilienceOptions,
        TimeProvider time,
        IReadOnlyList<SchemaMigration> migrations,
        CancellationToken cancellationToken)
    {
        var resilience = new StorageWriteResilience(resilienceOptions, time, connections.Target);
        try
        {
            var version = await resilience.ExecuteAsync(async token =>
            {
                await using var connection = await connections.OpenAsync(token).ConfigureAwait(false);
                return await SchemaMigrator.MigrateAsync(connection, migrations, time, connections.Target, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return new SqliteStorage(connections, resilience, time, version);
        }
        catch (SqliteException ex)
        {
            connections.ReleasePool();
            throw SchemaMigrator.TranslateOpenError(ex, connections.Target) ?? new StorageSchemaException(
                $"Could not open or migrate the database {connections.Target} ({ex.Message.TrimEnd('.')}); check the path and its permissions.", ex);
        }
        catch
        {
            connections.ReleasePool();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _connections.ReleasePool();
        return ValueTask.CompletedTask;
    }
}
