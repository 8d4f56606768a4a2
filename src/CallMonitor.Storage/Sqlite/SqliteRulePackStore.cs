using CallMonitor.Storage.Resilience;
using CallMonitor.Storage.RulePacks;
using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Sqlite;

/// <summary>
/// Rule packs in two tables: <c>rule_packs</c> holds each id + version once (its integer key is the revision: SQLite
/// assigns "largest so far + 1" and rows are never deleted), <c>rule_pack_publications</c> logs every change of the
/// pack in force; the last row names the current pack.
/// </summary>
internal sealed class SqliteRulePackStore : IRulePackStore
{
    private const string Select = "SELECT p.revision, p.pack_id, p.version, p.yaml, p.sha256, u.published_at, u.published_by";

    private readonly ISqliteConnectionFactory _connections;
    private readonly StorageWriteResilience _resilience;
    private readonly TimeProvider _time;

    public SqliteRulePackStore(ISqliteConnectionFactory connections, StorageWriteResilience resilience, TimeProvider time)
    {
        _connections = connections;
        _resilience = resilience;
        _time = time;
    }

    public Task<PublishedRulePack> PublishAsync(RulePackPublication publication, CancellationToken cancellationToken = default)
    {
        RulePackPublication.ThrowIfInvalid(publication);
        var sha256 = RulePackHash.Of(publication.Yaml);
        return _resilience.ExecuteAsync(token => PublishOnceAsync(publication, sha256, token), cancellationToken);
    }

    public async Task<PublishedRulePack?> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadCurrentAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PublishedRulePack?> GetAsync(string id, string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            {Select} FROM rule_packs p
            JOIN rule_pack_publications u
                ON u.position = (SELECT MAX(position) FROM rule_pack_publications WHERE revision = p.revision)
            WHERE p.pack_id = $id AND p.version = $version;
            """;
        command.Add("$id", id);
        command.Add("$version", version);
        return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<PublishedRulePack> PublishOnceAsync(RulePackPublication publication, string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        // BEGIN IMMEDIATE: the write lock is taken up front, so the look-up and the inserts see one state.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var revision = await FindRevisionAsync(connection, transaction, publication, sha256, cancellationToken).ConfigureAwait(false);
        var at = SqliteValues.ToColumn(_time.GetUtcNow());
        if (revision is null)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO rule_packs (revision, pack_id, version, yaml, sha256, stored_at) VALUES (NULL, $id, $version, $yaml, $sha, $at);
                SELECT last_insert_rowid();
                """;
            insert.Add("$id", publication.Id);
            insert.Add("$version", publication.Version);
            insert.Add("$yaml", publication.Yaml);
            insert.Add("$sha", sha256);
            insert.Add("$at", at);
            revision = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var current = await ReadCurrentAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current?.Revision == revision)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return current;
        }

        await using (var log = connection.CreateCommand())
        {
            log.Transaction = transaction;
            log.CommandText = "INSERT INTO rule_pack_publications (revision, published_at, published_by) VALUES ($revision, $at, $by);";
            log.Add("$revision", revision.Value);
            log.Add("$at", at);
            log.Add("$by", publication.PublishedBy);
            await log.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var published = await ReadCurrentAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return published!;
    }

    /// <summary>The revision already holding this id + version, or null; a different text under them is a conflict.</summary>
    private static async Task<long?> FindRevisionAsync(
        SqliteConnection connection, SqliteTransaction transaction, RulePackPublication publication, string sha256, CancellationToken cancellationToken)
    {
        await using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT revision, sha256 FROM rule_packs WHERE pack_id = $id AND version = $version;";
        find.Add("$id", publication.Id);
        find.Add("$version", publication.Version);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var revision = reader.GetInt64(0);
        return reader.GetString(1) == sha256
            ? revision
            : throw new RulePackVersionConflictException(publication.Id, publication.Version, revision);
    }

    private static async Task<PublishedRulePack?> ReadCurrentAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            {Select} FROM rule_pack_publications u JOIN rule_packs p ON p.revision = u.revision
            ORDER BY u.position DESC LIMIT 1;
            """;
        return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<PublishedRulePack?> ReadOneAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new PublishedRulePack(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                SqliteValues.ToTime(reader.GetInt64(5)),
                reader.GetString(6))
            : null;
    }
}
