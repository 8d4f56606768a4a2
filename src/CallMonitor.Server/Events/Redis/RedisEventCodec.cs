using System.Globalization;
using CallMonitor.Compliance.Rules;
using CallMonitor.Storage.Events;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CallMonitor.Server.Events.Redis;

/// <summary>An <see cref="EventRecord"/> as the fields of one stream entry, and back.</summary>
internal static class RedisEventCodec
{
    private const string Id = "id";
    private const string Call = "call";
    private const string Agent = "agent";
    private const string Team = "team";
    private const string Kind = "kind";
    private const string Type = "type";
    private const string Severity = "severity";
    private const string Payload = "payload";

    /// <summary>Field names and values, alternating, as the append script passes them to XADD.</summary>
    public static IEnumerable<RedisValue> ToFields(EventRecord record)
    {
        yield return Id;
        yield return record.EventId;
        yield return Call;
        yield return record.CallId;
        yield return Agent;
        yield return record.AgentId;
        yield return Team;
        yield return record.Team;
        yield return Kind;
        yield return EventKinds.WireName(record.Kind);
        if (record.ViolationType is { } type)
        {
            yield return Type;
            yield return type;
        }

        if (record.Severity is { } severity)
        {
            yield return Severity;
            yield return ((int)severity).ToString(CultureInfo.InvariantCulture);
        }

        yield return Payload;
        yield return record.PayloadJson;
    }

    /// <exception cref="FormatException">The entry was not written by this codec.</exception>
    public static StoredEvent FromEntry(StreamEntry entry)
    {
        var position = RedisStreamPositions.ToPosition(entry.Id.ToString());
        string? Field(string name)
        {
            var value = entry[name];
            return value.IsNull ? null : value.ToString();
        }

        string Required(string name) =>
            Field(name) ?? throw new FormatException($"stream entry {entry.Id} has no '{name}' field: it was not written by CallMonitor");

        var severity = Field(Severity);
        var record = new EventRecord(
            Required(Id),
            Required(Call),
            Required(Agent),
            Required(Team),
            EventKinds.Parse(Required(Kind)),
            Field(Type),
            severity is null ? null : (RuleSeverity)int.Parse(severity, CultureInfo.InvariantCulture),
            Required(Payload));
        return new StoredEvent(position, record, RedisStreamPositions.AppendedAt(position));
    }

    /// <summary>The entry as an event, or null (logged) when it was not written by this codec: someone else's XADD on our key is skipped.</summary>
    public static StoredEvent? TryFromEntry(StreamEntry entry, ILogger logger)
    {
        try
        {
            return FromEntry(entry);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            RedisFeedLog.EntrySkipped(logger, entry.Id.ToString(), e.Message);
            return null;
        }
    }
}
