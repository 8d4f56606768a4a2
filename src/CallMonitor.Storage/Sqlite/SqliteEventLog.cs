using System.Text;
using CallMonitor.Storage.Events;
using CallMonitor.Storage.Resilience;
using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Sqlite;

/// <summary>
/// The event log in one SQLite table. The position is the table's integer primary key: SQLite assigns it as
/// "largest so far + 1" under the single write lock and rows are never deleted, so positions follow commit order
/// without gaps. The unique event id makes appends idempotent.
/// </summary>
internal sealed class SqliteEventLog : IEventLog
{
    private const string Columns = "position, event_id, call_id, agent_id, team, kind, violation_type, severity, payload_json, appended_at";

    private readonly ISqliteConnectionFactory _connections;
    private readonly StorageWriteResilience _resilience;
    private readonly TimeProvider _time;

    public SqliteEventLog(ISqliteConnectionFactory connections, StorageWriteResilience resilience, TimeProvider time)
    {
        _connections = connections;
        _resilience = resilience;
        _time = time;
    }

    public Task<long> AppendAsync(EventRecord record, CancellationToken cancellationToken = default)
    {
        Validate(record);
        return _resilience.ExecuteAsync(token => AppendOnceAsync(record, token), cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(
        long afterPosition, EventFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, IEventLog.MaxReadLimit);

        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM events WHERE position > $after");
        command.Add("$after", afterPosition);
        AppendIn(sql, command, "team", "$team", filter.Teams);
        AppendIn(sql, command, "violation_type", "$type", filter.ViolationTypes);
        AppendIn(sql, command, "kind", "$kind", filter.Kinds?.Select(EventKinds.WireName).ToList());
        if (filter.AgentId is not null)
        {
            sql.Append(" AND agent_id = $agent");
            command.Add("$agent", filter.AgentId);
        }

        if (filter.CallId is not null)
        {
            sql.Append(" AND call_id = $call");
            command.Add("$call", filter.CallId);
        }

        if (filter.MinSeverity is { } minimum)
        {
            sql.Append(" AND severity >= $severity");
            command.Add("$severity", (int)minimum);
        }

        sql.Append(" ORDER BY position LIMIT $limit;");
        command.Add("$limit", limit);
        command.CommandText = sql.ToString();

        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(Read(reader));
        }

        return events;
    }

    public async Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(position), 0) FROM events;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async ValueTask<long> AppendOnceAsync(EventRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        // One statement: the insert, or on a repeated event id the stored position, under one write lock.
        insert.CommandText = $"""
            INSERT INTO events ({Columns})
            VALUES (NULL, $id, $call, $agent, $team, $kind, $type, $severity, $payload, $at)
            ON CONFLICT (event_id) DO NOTHING;
            SELECT position FROM events WHERE event_id = $id;
            """;
        insert.Add("$id", record.EventId);
        insert.Add("$call", record.CallId);
        insert.Add("$agent", record.AgentId);
        insert.Add("$team", record.Team);
        insert.Add("$kind", EventKinds.WireName(record.Kind));
        insert.Add("$type", record.ViolationType);
        insert.Add("$severity", record.Severity is { } severity ? (int)severity : null);
        insert.Add("$payload", record.PayloadJson);
        insert.Add("$at", SqliteValues.ToColumn(_time.GetUtcNow()));
        return (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static void AppendIn(StringBuilder sql, SqliteCommand command, string column, string prefix, IReadOnlyCollection<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return;
        }

        var names = values.Select((value, i) =>
        {
            var name = prefix + SqliteValues.Invariant(i);
            command.Add(name, value);
            return name;
        });
        sql.Append(" AND ").Append(column).Append(" IN (").AppendJoin(", ", names).Append(')');
    }

    private static StoredEvent Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        new EventRecord(
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            EventKinds.Parse(reader.GetString(5)),
            SqliteValues.NullableString(reader, 6),
            SqliteValues.NullableSeverity(reader, 7),
            reader.GetString(8)),
        SqliteValues.ToTime(reader.GetInt64(9)));

    private static void Validate(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.EventId, nameof(record));
        ArgumentException.ThrowIfNullOrEmpty(record.CallId, nameof(record));
        ArgumentNullException.ThrowIfNull(record.AgentId, nameof(record));
        ArgumentNullException.ThrowIfNull(record.Team, nameof(record));
        ArgumentNullException.ThrowIfNull(record.PayloadJson, nameof(record));
    }
}
