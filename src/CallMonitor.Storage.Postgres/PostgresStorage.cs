using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Postgres.Calls;
using CallMonitor.Storage.Postgres.Connections;
using CallMonitor.Storage.Postgres.Reports;
using CallMonitor.Storage.Postgres.Resilience;
using CallMonitor.Storage.Postgres.RulePacks;
using CallMonitor.Storage.Postgres.Schema;
using CallMonitor.Storage.Reports;
using CallMonitor.Storage.RulePacks;
using Npgsql;

namespace CallMonitor.Storage.Postgres;

/// <summary>
/// The shared store of multi-node mode: calls, violations, reports, transcripts and published rule packs in one
/// PostgreSQL database that any number of stateless analysis nodes open at once. <see cref="OpenAsync"/> validates the
/// options and migrates the schema under an advisory lock, so a bad configuration, an unreachable server or a database
/// migrated by a newer build fails at start-up. All members are safe for concurrent use; dispose it to close its connections.
/// </summary>
public sealed class PostgresStorage : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresStorage(NpgsqlDataSource dataSource, PostgresResilience resilience, TimeProvider time, string target, int schemaVersion)
    {
        _dataSource = dataSource;
        Resilience = resilience;
        Target = target;
        SchemaVersion = schemaVersion;
        Calls = new PostgresCallStore(dataSource, resilience, time);
        Reports = new PostgresReportStore(dataSource, resilience, time);
        RulePacks = new PostgresRulePackStore(dataSource, resilience, time);
    }

    /// <summary>Newest schema version this build knows.</summary>
    public static int LatestSchemaVersion => PostgresMigrations.All[^1].Version;

    public ICallStore Calls { get; }

    public IReportStore Reports { get; }

    /// <summary>Published rule packs and the one in force, shared by every node.</summary>
    public IRulePackStore RulePacks { get; }

    /// <summary>The pipeline guarding this store's operations (retry count and circuit state for metrics).</summary>
    public PostgresResilience Resilience { get; }

    /// <summary>The server and database, as messages name them (never the password).</summary>
    public string Target { get; }

    /// <summary>Schema version of the database after migration.</summary>
    public int SchemaVersion { get; }

    /// <exception cref="Errors.StorageConfigurationException">The options or the connection string are invalid, the login was refused or the database does not exist.</exception>
    /// <exception cref="Errors.StorageUnavailableException">The server could not be reached through every retry.</exception>
    /// <exception cref="Errors.StorageSchemaException">The database was migrated by a newer CallMonitor.</exception>
    public static Task<PostgresStorage> OpenAsync(
        PostgresStorageOptions options, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        OpenWithAsync(options, time ?? TimeProvider.System, PostgresMigrations.All, cancellationToken);

    internal static async Task<PostgresStorage> OpenWithAsync(
        PostgresStorageOptions options, TimeProvider time, IReadOnlyList<PostgresMigration> migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var (settings, target) = PostgresConnectionSettings.Parse(options.ConnectionString);
        var dataSource = new NpgsqlDataSourceBuilder(settings.ConnectionString).Build();
        try
        {
            var resilience = new PostgresResilience(options.Resilience, time, target, settings.Username ?? "(default)", dataSource.Clear);
            var version = await resilience.ExecuteAsync(
                token => new ValueTask<int>(PostgresSchemaMigrator.MigrateAsync(dataSource, migrations, time, target, token)),
                cancellationToken).ConfigureAwait(false);
            return new PostgresStorage(dataSource, resilience, time, target, version);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
