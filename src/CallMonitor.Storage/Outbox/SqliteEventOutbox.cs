using CallMonitor.Compliance.Rules;
using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Events;
using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Outbox;

/// <summary>
/// A node's local, durable queue of events the shared event log could not take yet (its server unreachable). Events
/// leave it in the order they were held, once the shared log has them. Each write is committed with a full sync
/// before it returns: while held here, this file is the only copy.
/// </summary>
/// <remarks>One process owns the file; calls on one instance are serialised.</remarks>
public sealed class SqliteEventOutbox : IAsyncDisposable
{
    private const string Columns = "seq, event_id, call_id, agent_id, team, kind, violation_type, severity, payload_json, held_at";
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;

    private SqliteEventOutbox(SqliteConnection connection, string path, TimeProvider time)
    {
        _connection = connection;
        Path = path;
        _time = time;
    }

    /// <summary>The outbox file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating when absent) the outbox at <paramref name="path"/>.</summary>
    /// <exception cref="StorageUnavailableException">The file cannot be created or opened.</exception>
    public static async Task<SqliteEventOutbox> OpenAsync(string path, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var setup = connection.CreateCommand();
            setup.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                CREATE TABLE IF NOT EXISTS outbox (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    event_id TEXT NOT NULL UNIQUE,
                    call_id TEXT NOT NULL,
                    agent_id TEXT NOT NULL,
                    team TEXT NOT NULL,
                    kind INTEGER NOT NULL,
                    violation_type TEXT,
                    severity INTEGER,
                    payload_json TEXT NOT NULL,
                    held_at INTEGER NOT NULL);
                """;
            await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new SqliteEventOutbox(connection, full, time ?? TimeProvider.System);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StorageUnavailableException($"the event outbox '{full}' cannot be opened: {e.Message}", e);
        }
    }

    /// <summary>Holds <paramref name="record"/> at the end of the queue. Holding an event id already held changes nothing.</summary>
    /// <returns>True when it was added; false when its event id was already held.</returns>
    public async Task<bool> EnqueueAsync(EventRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var insert = _connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO outbox (event_id, call_id, agent_id, team, kind, violation_type, severity, payload_json, held_at)
                VALUES ($id, $call, $agent, $team, $kind, $type, $severity, $payload, $at)
                ON CONFLICT (event_id) DO NOTHING
                """;
            insert.Parameters.AddWithValue("$id", record.EventId);
            insert.Parameters.AddWithValue("$call", record.CallId);
            insert.Parameters.AddWithValue("$agent", record.AgentId);
            insert.Parameters.AddWithValue("$team", record.Team);
            insert.Parameters.AddWithValue("$kind", (int)record.Kind);
            insert.Parameters.AddWithValue("$type", (object?)record.ViolationType ?? DBNull.Value);
            insert.Parameters.AddWithValue("$severity", record.Severity is { } severity ? (int)severity : DBNull.Value);
            insert.Parameters.AddWithValue("$payload", record.PayloadJson);
            insert.Parameters.AddWithValue("$at", _time.GetUtcNow().ToUnixTimeMilliseconds());
            return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Up to <paramref name="limit"/> held events, oldest first, without removing them.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> PeekAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var select = _connection.CreateCommand();
            select.CommandText = $"SELECT {Columns} FROM outbox ORDER BY seq LIMIT $limit";
            select.Parameters.AddWithValue("$limit", limit);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entries = new List<OutboxEntry>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var record = new EventRecord(
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    (EventKind)reader.GetInt32(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.IsDBNull(7) ? null : (RuleSeverity)reader.GetInt32(7),
                    reader.GetString(8));
                entries.Add(new OutboxEntry(reader.GetInt64(0), record, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9))));
            }

            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes the entry <paramref name="sequence"/> (the shared log has it). Removing a removed entry changes nothing.</summary>
    public async Task RemoveAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var delete = _connection.CreateCommand();
            delete.CommandText = "DELETE FROM outbox WHERE seq = $seq";
            delete.Parameters.AddWithValue("$seq", sequence);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How many events are held.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var count = _connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM outbox";
            return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
