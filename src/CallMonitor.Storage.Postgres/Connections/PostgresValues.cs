using CallMonitor.Compliance.Rules;
using Npgsql;

namespace CallMonitor.Storage.Postgres.Connections;

/// <summary>Conversions between domain values and the columns that hold them.</summary>
internal static class PostgresValues
{
    public static void Add(this NpgsqlCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    /// <summary>The instant as <c>timestamptz</c> stores it: UTC (Npgsql refuses other offsets), whole microseconds.</summary>
    public static DateTimeOffset ToColumn(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicroseconds(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);

    public static DateTimeOffset ReadTime(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? ReadNullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    public static string? ReadNullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static RuleSeverity? ReadNullableSeverity(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : (RuleSeverity)reader.GetInt32(ordinal);

    /// <summary>Parses a severity wire name (<c>major</c>); an unknown name is the caller's bug.</summary>
    public static RuleSeverity ParseSeverity(string wireName) =>
        Enum.TryParse<RuleSeverity>(wireName, ignoreCase: true, out var severity) && Enum.IsDefined(severity)
            ? severity
            : throw new ArgumentException(
                $"Unknown severity '{wireName}'; expected one of {string.Join(", ", Enum.GetNames<RuleSeverity>()).ToLowerInvariant()}.",
                nameof(wireName));

    public static string WireName(RuleSeverity severity) => severity.ToString().ToLowerInvariant();
}
