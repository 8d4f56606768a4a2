using System.Text;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Resilience;
using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Sqlite;

/// <summary>Calls and the latest state of their violations in SQLite. Writes are idempotent, so retries are safe.</summary>
internal sealed class SqliteCallStore : ICallStore
{
    // The violation summary counts what still stands: retracted violations do not.
    private const string Select = """
        SELECT c.call_id, c.agent_id, c.team, c.started_at, c.encoding, c.sample_rate, c.channel_count, c.channel_roles,
               c.ended_at, c.partial, c.pack_id, c.pack_version,
               (SELECT MAX(v.severity) FROM violations v WHERE v.call_id = c.call_id AND v.state <> 'retracted'),
               (SELECT COUNT(*) FROM violations v WHERE v.call_id = c.call_id AND v.state <> 'retracted')
        FROM calls c
        """;

    private readonly ISqliteConnectionFactory _connections;
    private readonly StorageWriteResilience _resilience;
    private readonly TimeProvider _time;

    public SqliteCallStore(ISqliteConnectionFactory connections, StorageWriteResilience resilience, TimeProvider time)
    {
        _connections = connections;
        _resilience = resilience;
        _time = time;
    }

    public Task<bool> StartCallAsync(CallStartRecord start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentException.ThrowIfNullOrEmpty(start.CallId, nameof(start));
        ArgumentNullException.ThrowIfNull(start.AudioFormat, nameof(start));
        return _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await _connections.OpenAsync(token).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO calls (call_id, agent_id, team, started_at, encoding, sample_rate, channel_count, channel_roles)
                VALUES ($call, $agent, $team, $started, $encoding, $rate, $channels, $roles)
                ON CONFLICT (call_id) DO NOTHING;
                """;
            command.Add("$call", start.CallId);
            command.Add("$agent", start.AgentId);
            command.Add("$team", start.Team);
            command.Add("$started", SqliteValues.ToColumn(start.StartedAt));
            command.Add("$encoding", start.AudioFormat.Encoding);
            command.Add("$rate", start.AudioFormat.SampleRate);
            command.Add("$channels", start.AudioFormat.ChannelCount);
            command.Add("$roles", SqliteValues.ToJsonArray(start.AudioFormat.ChannelRoles));
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    public Task EndCallAsync(CallEndRecord ending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ending);
        ArgumentException.ThrowIfNullOrEmpty(ending.CallId, nameof(ending));
        return _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await _connections.OpenAsync(token).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE calls SET ended_at = $ended, partial = $partial, pack_id = $pack, pack_version = $version
                WHERE call_id = $call;
                """;
            command.Add("$call", ending.CallId);
            command.Add("$ended", SqliteValues.ToColumn(ending.EndedAt));
            command.Add("$partial", ending.Partial ? 1 : 0);
            command.Add("$pack", ending.PackId);
            command.Add("$version", ending.PackVersion);
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1
                ? true
                : throw new CallNotFoundException(ending.CallId);
        }, cancellationToken);
    }

    public Task RecordViolationAsync(ViolationDetected violation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(violation);
        ArgumentException.ThrowIfNullOrEmpty(violation.ViolationId, nameof(violation));
        var severity = SqliteValues.ParseSeverity(violation.Severity);
        var at = SqliteValues.ToColumn(_time.GetUtcNow());
        return _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await _connections.OpenAsync(token).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT OR REPLACE INTO violations (call_id, violation_id, rule_id, type, severity, state, role, start_ticks, end_ticks,
                    phrase, evidence, sources, confidence, pack_id, pack_version, updated_at)
                VALUES ($call, $id, $rule, $type, $severity, $state, $role, $start, $end,
                    $phrase, $evidence, $sources, $confidence, $pack, $version, $at);
                """;
            command.Add("$call", violation.CallId);
            command.Add("$id", violation.ViolationId);
            command.Add("$rule", violation.RuleId);
            command.Add("$type", violation.Type);
            command.Add("$severity", (int)severity);
            command.Add("$state", violation.State.ToString().ToLowerInvariant());
            command.Add("$role", violation.Role.ToString());
            command.Add("$start", violation.Span.Start.Ticks);
            command.Add("$end", violation.Span.End.Ticks);
            command.Add("$phrase", violation.Phrase);
            command.Add("$evidence", violation.Evidence);
            command.Add("$sources", SqliteValues.ToJsonArray(violation.Sources));
            command.Add("$confidence", violation.Confidence);
            command.Add("$pack", violation.PackId);
            command.Add("$version", violation.PackVersion);
            command.Add("$at", at);
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ViolationDetected>> GetViolationsAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT role, start_ticks, end_ticks, rule_id, type, severity, phrase, evidence, sources, confidence,
                   pack_id, pack_version, state, violation_id
            FROM violations WHERE call_id = $call ORDER BY start_ticks, end_ticks, violation_id;
            """;
        command.Add("$call", callId);
        var violations = new List<ViolationDetected>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            violations.Add(new ViolationDetected(
                callId,
                Enum.Parse<SpeakerRole>(reader.GetString(0)),
                new AudioInterval(TimeSpan.FromTicks(reader.GetInt64(1)), TimeSpan.FromTicks(reader.GetInt64(2))),
                reader.GetString(3),
                reader.GetString(4),
                SqliteValues.WireName((Compliance.Rules.RuleSeverity)reader.GetInt32(5)),
                SqliteValues.NullableString(reader, 6),
                reader.GetString(7),
                SqliteValues.FromJsonArray(reader.GetString(8)),
                reader.GetDouble(9),
                reader.GetString(10),
                reader.GetString(11),
                Enum.Parse<ViolationState>(reader.GetString(12), ignoreCase: true),
                reader.GetString(13)));
        }

        return violations;
    }

    public async Task<StoredCall?> GetCallAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = Select + " WHERE c.call_id = $call;";
        command.Add("$call", callId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadCall(reader) : null;
    }

    public async Task<CallPage> ListCallsAsync(CallQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, CallQuery.MaxPageSize, nameof(query));
        var after = query.PageToken is null ? (CallPageToken?)null : CallPageToken.Decode(query.PageToken);

        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = BuildListSql(command, query, after);
        var calls = new List<StoredCall>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            calls.Add(ReadCall(reader));
        }

        // One extra row was asked for: it tells whether another page exists without a second query.
        if (calls.Count <= query.PageSize)
        {
            return new CallPage(calls, null);
        }

        calls.RemoveAt(calls.Count - 1);
        var last = calls[^1];
        return new CallPage(calls, new CallPageToken(SqliteValues.ToColumn(last.StartedAt), last.CallId).Encode());
    }

    private static string BuildListSql(SqliteCommand command, CallQuery query, CallPageToken? after)
    {
        var sql = new StringBuilder(Select).Append(" WHERE 1 = 1");
        void Where(string condition, string name, object value)
        {
            sql.Append(" AND ").Append(condition);
            command.Add(name, value);
        }

        if (query.Team is not null) Where("c.team = $team", "$team", query.Team);
        if (query.Teams is { Count: > 0 } teams)
        {
            var names = teams.Select((_, i) => $"$teams{i}").ToList();
            sql.Append(" AND c.team IN (").Append(string.Join(", ", names)).Append(')');
            foreach (var (name, team) in names.Zip(teams))
            {
                command.Add(name, team);
            }
        }

        if (query.AgentId is not null) Where("c.agent_id = $agent", "$agent", query.AgentId);
        if (query.From is { } from) Where("c.started_at >= $from", "$from", SqliteValues.ToColumn(from));
        if (query.To is { } to) Where("c.started_at < $to", "$to", SqliteValues.ToColumn(to));
        if (query.MinSeverity is { } minimum)
        {
            Where("EXISTS (SELECT 1 FROM violations v WHERE v.call_id = c.call_id AND v.state <> 'retracted' AND v.severity >= $severity)",
                "$severity", (int)minimum);
        }

        if (after is { } token)
        {
            sql.Append(" AND (c.started_at < $afterStarted OR (c.started_at = $afterStarted AND c.call_id < $afterCall))");
            command.Add("$afterStarted", token.StartedAt);
            command.Add("$afterCall", token.CallId);
        }

        sql.Append(" ORDER BY c.started_at DESC, c.call_id DESC LIMIT $limit;");
        command.Add("$limit", query.PageSize + 1);
        return sql.ToString();
    }

    private static StoredCall ReadCall(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        SqliteValues.ToTime(reader.GetInt64(3)),
        new CallAudioFormat(reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6), SqliteValues.FromJsonArray(reader.GetString(7))),
        SqliteValues.ToTime(reader, 8),
        reader.GetInt64(9) != 0,
        SqliteValues.NullableString(reader, 10),
        SqliteValues.NullableString(reader, 11),
        SqliteValues.NullableSeverity(reader, 12),
        reader.GetInt32(13));
}
