using CallMonitor.Storage.Postgres.Connections;
using CallMonitor.Storage.Postgres.Resilience;
using CallMonitor.Storage.Postgres.Schema;
using CallMonitor.Storage.RulePacks;
using Npgsql;

namespace CallMonitor.Storage.Postgres.RulePacks;

/// <summary>
/// Rule packs in two tables: <c>rule_packs</c> holds each id + version once under its revision, <c>rule_pack_publications</c>
/// logs every change of the pack in force; the last row names the current pack. Publishing takes an advisory lock for
/// its transaction, so publishers on every node queue: revisions are "largest so far + 1" (gap-free, never reused) and
/// the log is in commit order.
/// </summary>
internal sealed class PostgresRulePackStore : IRulePackStore
{
    private const string Select = "SELECT p.revision, p.pack_id, p.version, p.yaml, p.sha256, u.published_at, u.published_by";

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresResilience _resilience;
    private readonly TimeProvider _time;

    public PostgresRulePackStore(NpgsqlDataSource dataSource, PostgresResilience resilience, TimeProvider time)
    {
        _dataSource = dataSource;
        _resilience = resilience;
        _time = time;
    }

    public Task<PublishedRulePack> PublishAsync(RulePackPublication publication, CancellationToken cancellationToken = default)
    {
        RulePackPublication.ThrowIfInvalid(publication);
        var sha256 = RulePackHash.Of(publication.Yaml);
        return _resilience.ExecuteAsync(token => PublishOnceAsync(publication, sha256, token), cancellationToken);
    }

    public Task<PublishedRulePack?> GetCurrentAsync(CancellationToken cancellationToken = default) =>
        _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
            return await ReadCurrentAsync(connection, null, token).ConfigureAwait(false);
        }, cancellationToken);

    public Task<PublishedRulePack?> GetAsync(string id, string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        return _resilience.ExecuteAsync(async token =>
        {
            await using var command = _dataSource.CreateCommand($"""
                {Select} FROM rule_packs p
                JOIN rule_pack_publications u
                    ON u.position = (SELECT MAX(position) FROM rule_pack_publications WHERE revision = p.revision)
                WHERE p.pack_id = @id AND p.version = @version;
                """);
            command.Add("id", id);
            command.Add("version", version);
            return await ReadOneAsync(command, token).ConfigureAwait(false);
        }, cancellationToken);
    }

    private async ValueTask<PublishedRulePack> PublishOnceAsync(RulePackPublication publication, string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", connection, transaction))
        {
            lockCommand.Add("key", AdvisoryLocks.RulePackPublication);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var revision = await FindRevisionAsync(connection, transaction, publication, sha256, cancellationToken).ConfigureAwait(false);
        var at = PostgresValues.ToColumn(_time.GetUtcNow());
        if (revision is null)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO rule_packs (revision, pack_id, version, yaml, sha256, stored_at)
                SELECT COALESCE(MAX(revision), 0) + 1, @id, @version, @yaml, @sha, @at FROM rule_packs
                RETURNING revision;
                """, connection, transaction);
            insert.Add("id", publication.Id);
            insert.Add("version", publication.Version);
            insert.Add("yaml", publication.Yaml);
            insert.Add("sha", sha256);
            insert.Add("at", at);
            revision = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var current = await ReadCurrentAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current?.Revision == revision)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return current;
        }

        await using (var log = new NpgsqlCommand(
            "INSERT INTO rule_pack_publications (revision, published_at, published_by) VALUES (@revision, @at, @by);", connection, transaction))
        {
            log.Add("revision", revision.Value);
            log.Add("at", at);
            log.Add("by", publication.PublishedBy);
            await log.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var published = await ReadCurrentAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return published!;
    }

    /// <summary>The revision already holding this id + version, or null; a different text under them is a conflict.</summary>
    private static async Task<long?> FindRevisionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RulePackPublication publication, string sha256, CancellationToken cancellationToken)
    {
        await using var find = new NpgsqlCommand(
            "SELECT revision, sha256 FROM rule_packs WHERE pack_id = @id AND version = @version;", connection, transaction);
        find.Add("id", publication.Id);
        find.Add("version", publication.Version);
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

    private static async Task<PublishedRulePack?> ReadCurrentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            {Select} FROM rule_pack_publications u JOIN rule_packs p ON p.revision = u.revision
            ORDER BY u.position DESC LIMIT 1;
            """, connection, transaction);
        return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<PublishedRulePack?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new PublishedRulePack(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                PostgresValues.ReadTime(reader, 5),
                reader.GetString(6))
            : null;
    }
}
