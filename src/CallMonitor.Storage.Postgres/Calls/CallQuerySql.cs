using System.Text;
using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Postgres.Connections;
using Npgsql;

namespace CallMonitor.Storage.Postgres.Calls;

/// <summary>The SQL that reads calls with their live-violation summary, and the filtered, keyset-paged list query.</summary>
internal static class CallQuerySql
{
    // The violation summary counts what still stands: retracted violations do not.
    public const string Select = """
        SELECT c.call_id, c.agent_id, c.team, c.started_at, c.encoding, c.sample_rate, c.channel_count, c.channel_roles,
               c.ended_at, c.partial, c.pack_id, c.pack_version,
               (SELECT MAX(v.severity) FROM violations v WHERE v.call_id = c.call_id AND v.state <> 'retracted'),
               (SELECT COUNT(*) FROM violations v WHERE v.call_id = c.call_id AND v.state <> 'retracted')
        FROM calls c
        """;

    /// <summary>Newest first; ties on the start time broken by id, so keyset paging never skips or repeats a call.</summary>
    public static string BuildList(NpgsqlCommand command, CallQuery query, PostgresCallPageToken? after)
    {
        var sql = new StringBuilder(Select).Append(" WHERE TRUE");
        void Where(string condition, string name, object value)
        {
            sql.Append(" AND ").Append(condition);
            command.Add(name, value);
        }

        if (query.Team is not null) Where("c.team = @team", "team", query.Team);
        if (query.Teams is { Count: > 0 } teams) Where("c.team = ANY(@teams)", "teams", teams.ToArray());
        if (query.AgentId is not null) Where("c.agent_id = @agent", "agent", query.AgentId);
        if (query.From is { } from) Where("c.started_at >= @from", "from", PostgresValues.ToColumn(from));
        if (query.To is { } to) Where("c.started_at < @to", "to", PostgresValues.ToColumn(to));
        if (query.MinSeverity is { } minimum)
        {
            Where("EXISTS (SELECT 1 FROM violations v WHERE v.call_id = c.call_id AND v.state <> 'retracted' AND v.severity >= @severity)",
                "severity", (int)minimum);
        }

        if (after is { } token)
        {
            sql.Append(" AND (c.started_at, c.call_id) < (@afterStarted, @afterCall)");
            command.Add("afterStarted", PostgresValues.FromMicroseconds(token.StartedAtMicroseconds));
            command.Add("afterCall", token.CallId);
        }

        sql.Append(" ORDER BY c.started_at DESC, c.call_id DESC LIMIT @limit;");
        command.Add("limit", query.PageSize + 1);
        return sql.ToString();
    }

    public static StoredCall ReadCall(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        PostgresValues.ReadTime(reader, 3),
        new CallAudioFormat(reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetFieldValue<string[]>(7)),
        PostgresValues.ReadNullableTime(reader, 8),
        reader.GetBoolean(9),
        PostgresValues.ReadNullableString(reader, 10),
        PostgresValues.ReadNullableString(reader, 11),
        PostgresValues.ReadNullableSeverity(reader, 12),
        checked((int)reader.GetInt64(13)));
}
