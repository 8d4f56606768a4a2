using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Postgres.Connections;
using CallMonitor.Storage.Postgres.Resilience;
using Npgsql;

namespace CallMonitor.Storage.Postgres.Calls;

/// <summary>Calls and the latest state of their violations in the shared database. Every operation is idempotent, so retries are safe.</summary>
internal sealed class PostgresCallStore : ICallStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresResilience _resilience;
    private readonly TimeProvider _time;

    public PostgresCallStore(NpgsqlDataSource dataSource, PostgresResilience resilience, TimeProvider time)
    {
        _dataSource = dataSource;
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
            await using var command = _dataSource.CreateCommand("""
                INSERT INTO calls (call_id, agent_id, team, started_at, encoding, sample_rate, channel_count, channel_roles)
                VALUES (@call, @agent, @team, @started, @encoding, @rate, @channels, @roles)
                ON CONFLICT (call_id) DO NOTHING;
                """);
            command.Add("call", start.CallId);
            command.Add("agent", start.AgentId);
            command.Add("team", start.Team);
            command.Add("started", PostgresValues.ToColumn(start.StartedAt));
            command.Add("encoding", start.AudioFormat.Encoding);
            command.Add("rate", start.AudioFormat.SampleRate);
            command.Add("channels", start.AudioFormat.ChannelCount);
            command.Add("roles", start.AudioFormat.ChannelRoles.ToArray());
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    public Task EndCallAsync(CallEndRecord ending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ending);
        ArgumentException.ThrowIfNullOrEmpty(ending.CallId, nameof(ending));
        return _resilience.ExecuteAsync(async token =>
        {
            await using var command = _dataSource.CreateCommand("""
                UPDATE calls SET ended_at = @ended, partial = @partial, pack_id = @pack, pack_version = @version
                WHERE call_id = @call;
                """);
            command.Add("call", ending.CallId);
            command.Add("ended", PostgresValues.ToColumn(ending.EndedAt));
            command.Add("partial", ending.Partial);
            command.Add("pack", ending.PackId);
            command.Add("version", ending.PackVersion);
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 1
                ? true
                : throw new CallNotFoundException(ending.CallId);
        }, cancellationToken);
    }

    public Task RecordViolationAsync(ViolationDetected violation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(violation);
        ArgumentException.ThrowIfNullOrEmpty(violation.ViolationId, nameof(violation));
        var severity = PostgresValues.ParseSeverity(violation.Severity);
        var at = PostgresValues.ToColumn(_time.GetUtcNow());
        return _resilience.ExecuteAsync(async token =>
        {
            await using var command = _dataSource.CreateCommand("""
                INSERT INTO violations (call_id, violation_id, rule_id, type, severity, state, role, start_ticks, end_ticks,
                    phrase, evidence, sources, confidence, pack_id, pack_version, updated_at)
                VALUES (@call, @id, @rule, @type, @severity, @state, @role, @start, @end,
                    @phrase, @evidence, @sources, @confidence, @pack, @version, @at)
                ON CONFLICT (call_id, violation_id) DO UPDATE SET
                    rule_id = EXCLUDED.rule_id, type = EXCLUDED.type, severity = EXCLUDED.severity, state = EXCLUDED.state,
                    role = EXCLUDED.role, start_ticks = EXCLUDED.start_ticks, end_ticks = EXCLUDED.end_ticks,
                    phrase = EXCLUDED.phrase, evidence = EXCLUDED.evidence, sources = EXCLUDED.sources,
                    confidence = EXCLUDED.confidence, pack_id = EXCLUDED.pack_id, pack_version = EXCLUDED.pack_version,
                    updated_at = EXCLUDED.updated_at;
                """);
            command.Add("call", violation.CallId);
            command.Add("id", violation.ViolationId);
            command.Add("rule", violation.RuleId);
            command.Add("type", violation.Type);
            command.Add("severity", (int)severity);
            command.Add("state", violation.State.ToString().ToLowerInvariant());
            command.Add("role", violation.Role.ToString());
            command.Add("start", violation.Span.Start.Ticks);
            command.Add("end", violation.Span.End.Ticks);
            command.Add("phrase", violation.Phrase);
            command.Add("evidence", violation.Evidence);
            command.Add("sources", violation.Sources.ToArray());
            command.Add("confidence", violation.Confidence);
            command.Add("pack", violation.PackId);
            command.Add("version", violation.PackVersion);
            command.Add("at", at);
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ViolationDetected>> GetViolationsAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        return _resilience.ExecuteAsync<IReadOnlyList<ViolationDetected>>(async token =>
        {
            await using var command = _dataSource.CreateCommand("""
                SELECT role, start_ticks, end_ticks, rule_id, type, severity, phrase, evidence, sources, confidence,
                       pack_id, pack_version, state, violation_id
                FROM violations WHERE call_id = @call ORDER BY start_ticks, end_ticks, violation_id;
                """);
            command.Add("call", callId);
            var violations = new List<ViolationDetected>();
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                violations.Add(ReadViolation(callId, reader));
            }

            return violations;
        }, cancellationToken);
    }

    public Task<StoredCall?> GetCallAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        return _resilience.ExecuteAsync(async token =>
        {
            await using var command = _dataSource.CreateCommand(CallQuerySql.Select + " WHERE c.call_id = @call;");
            command.Add("call", callId);
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            return await reader.ReadAsync(token).ConfigureAwait(false) ? CallQuerySql.ReadCall(reader) : null;
        }, cancellationToken);
    }

    public Task<CallPage> ListCallsAsync(CallQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, CallQuery.MaxPageSize, nameof(query));
        var after = query.PageToken is null ? (PostgresCallPageToken?)null : PostgresCallPageToken.Decode(query.PageToken);
        return _resilience.ExecuteAsync(async token =>
        {
            await using var command = _dataSource.CreateCommand();
            command.CommandText = CallQuerySql.BuildList(command, query, after);
            var calls = new List<StoredCall>();
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                calls.Add(CallQuerySql.ReadCall(reader));
            }

            // One extra row was asked for: it tells whether another page exists without a second query.
            if (calls.Count <= query.PageSize)
            {
                return new CallPage(calls, null);
            }

            calls.RemoveAt(calls.Count - 1);
            var last = calls[^1];
            return new CallPage(calls, new PostgresCallPageToken(PostgresValues.ToMicroseconds(last.StartedAt), last.CallId).Encode());
        }, cancellationToken);
    }

    private static ViolationDetected ReadViolation(string callId, NpgsqlDataReader reader) => new(
        callId,
        Enum.Parse<SpeakerRole>(reader.GetString(0)),
        new AudioInterval(TimeSpan.FromTicks(reader.GetInt64(1)), TimeSpan.FromTicks(reader.GetInt64(2))),
        reader.GetString(3),
        reader.GetString(4),
        PostgresValues.WireName((Compliance.Rules.RuleSeverity)reader.GetInt32(5)),
        PostgresValues.ReadNullableString(reader, 6),
        reader.GetString(7),
        reader.GetFieldValue<string[]>(8),
        reader.GetDouble(9),
        reader.GetString(10),
        reader.GetString(11),
        Enum.Parse<ViolationState>(reader.GetString(12), ignoreCase: true),
        reader.GetString(13));
}
