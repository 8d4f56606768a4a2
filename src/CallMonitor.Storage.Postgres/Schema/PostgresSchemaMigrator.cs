using System.Globalization;
using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Postgres.Connections;
using Npgsql;

namespace CallMonitor.Storage.Postgres.Schema;

/// <summary>
/// Brings the shared database up to the newest schema: one transaction holding an advisory lock checks the version and
/// applies every missing step (PostgreSQL DDL is transactional, so a failed step leaves nothing behind). Nodes opening
/// together queue on the lock; the first migrates, the rest find the work done. A newer schema is refused.
/// </summary>
internal static class PostgresSchemaMigrator
{
    /// <summary>Returns the schema version after migrating.</summary>
    public static async Task<int> MigrateAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<PostgresMigration> migrations, TimeProvider time, string target, CancellationToken cancellationToken)
    {
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", connection, transaction))
        {
            lockCommand.Add("key", AdvisoryLocks.SchemaMigration);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version integer NOT NULL PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL);
            """, cancellationToken).ConfigureAwait(false);

        var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current > latest)
        {
            throw new StorageSchemaException(
                $"{target} has schema version {current.ToString(CultureInfo.InvariantCulture)}, but this build of CallMonitor only knows "
                + $"versions up to {latest.ToString(CultureInfo.InvariantCulture)}. A newer CallMonitor migrated it: upgrade this node "
                + "(all nodes sharing a database must run the same or a newer build).");
        }

        foreach (var step in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await ExecuteAsync(connection, transaction, step.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @at);", connection, transaction);
            record.Add("version", step.Version);
            record.Add("description", step.Description);
            record.Add("at", PostgresValues.ToColumn(time.GetUtcNow()));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Math.Max(current, latest);
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;", connection, transaction);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
