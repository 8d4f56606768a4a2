using System.Globalization;
using System.Text.Json;
using CallMonitor.Compliance.Rules;
using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Sqlite;

/// <summary>Conversions between domain values and the columns that hold them.</summary>
internal static class SqliteValues
{
    public static void Add(this SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    public static long ToColumn(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset ToTime(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    public static DateTimeOffset? ToTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ToTime(reader.GetInt64(ordinal));

    public static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static RuleSeverity? NullableSeverity(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : (RuleSeverity)reader.GetInt32(ordinal);

    public static string ToJsonArray(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> FromJsonArray(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    /// <summary>Parses a severity wire name (<c>major</c>); an unknown name is the caller's bug.</summary>
    public static RuleSeverity ParseSeverity(string wireName) =>
        Enum.TryParse<RuleSeverity>(wireName, ignoreCase: true, out var severity) && Enum.IsDefined(severity)
            ? severity
            : throw new ArgumentException(
                $"Unknown severity '{wireName}'; expected one of {string.Join(", ", Enum.GetNames<RuleSeverity>()).ToLowerInvariant()}.",
                nameof(wireName));

    public static string WireName(RuleSeverity severity) => severity.ToString().ToLowerInvariant();

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
