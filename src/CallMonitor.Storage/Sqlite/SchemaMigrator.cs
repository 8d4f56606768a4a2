using System.Globalization;
using CallMonitor.Storage.Errors;
using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Sqlite;

/// <summary>
/// Brings a database up to the newest schema on start: WAL on, then every missing step in one write transaction
/// (so two processes starting together cannot both apply a step). A database newer than this build is refused.
/// </summary>
internal static class SchemaMigrator
{
    private const int NotADatabase = 26;

    /// <summary>Returns the schema version after migrating.</summary>
    public static async Task<int> MigrateAsync(
        SqliteConnection connection, IReadOnlyList<SchemaMigration> migrations, TimeProvider timeProvider, string target, CancellationToken cancellationToken)
    {
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        try
        {
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version INTEGER NOT NULL PRIMARY KEY,
                    description TEXT NOT NULL,
                    applied_at INTEGER NOT NULL);
                """, cancellationToken).ConfigureAwait(false);

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (current > latest)
            {
                throw new StorageSchemaException(
                    $"The database {target} has schema version {current.ToString(CultureInfo.InvariantCulture)}, but this build of CallMonitor "
                    + $"only knows versions up to {latest.ToString(CultureInfo.InvariantCulture)}. It was written by a newer CallMonitor: "
                    + "upgrade this service, or point it at another database file.");
            }

            foreach (var step in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
            {
                await ExecuteAsync(connection, transaction, step.Sql, cancellationToken).ConfigureAwait(false);
                await using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($v, $d, $t);";
                record.Parameters.AddWithValue("$v", step.Version);
                record.Parameters.AddWithValue("$d", step.Description);
                record.Parameters.AddWithValue("$t", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return Math.Max(current, latest);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == NotADatabase)
        {
            throw NotADatabaseError(target, ex);
        }
    }

    /// <summary>The error for a file that SQLite cannot read as a database, whenever it is noticed.</summary>
    public static StorageSchemaException? TranslateOpenError(SqliteException exception, string target) =>
        exception.SqliteErrorCode == NotADatabase ? NotADatabaseError(target, exception) : null;

    private static StorageSchemaException NotADatabaseError(string target, SqliteException exception) => new(
        $"{target} is not an SQLite database (or is encrypted or damaged); move it away or configure another path.", exception);

    public static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
