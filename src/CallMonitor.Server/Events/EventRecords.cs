using CallMonitor.Compliance.Rules;
using CallMonitor.Contracts.V1;
using CallMonitor.Domain.Events;
using CallMonitor.Server.Mapping;
using CallMonitor.Storage.Events;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CallMonitor.Server.Events;

/// <summary>
/// Events of a call as the event log stores them: the wire <see cref="ViolationEvent"/> (without its position) as
/// JSON, plus the columns subscriptions filter on. Event ids are the call id and the event's number within the call,
/// so a retried append is recognised and never stored twice.
/// </summary>
public static class EventRecords
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static EventRecord Violation(string agentId, string team, long sequence, ViolationDetected violation, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var wire = Envelope(violation.CallId, agentId, team, sequence, at);
        wire.Violation = CallUpdateMapping.ToWire(violation);
        return new EventRecord(
            wire.EventId, violation.CallId, agentId, team, EventKind.Violation, violation.Type, ParseSeverity(violation.Severity), JsonFormatter.Default.Format(wire));
    }

    public static EventRecord Lifecycle(string callId, string agentId, string team, long sequence, EventKind kind, bool partial, DateTimeOffset at)
    {
        var wire = Envelope(callId, agentId, team, sequence, at);
        wire.Lifecycle = new CallLifecycle { CallId = callId, Kind = EventKinds.WireName(kind), Partial = partial };
        return new EventRecord(wire.EventId, callId, agentId, team, kind, null, null, JsonFormatter.Default.Format(wire));
    }

    /// <summary>The stored event as subscribers receive it.</summary>
    /// <exception cref="InvalidProtocolBufferException">The stored payload is not a ViolationEvent.</exception>
    public static ViolationEvent ToWire(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var wire = Parser.Parse<ViolationEvent>(stored.Record.PayloadJson);
        wire.Position = stored.Position;
        return wire;
    }

    /// <summary><c>info</c>, <c>minor</c>, <c>major</c>, <c>critical</c> (as rule packs and violations spell them); null otherwise.</summary>
    public static RuleSeverity? ParseSeverity(string severity) =>
        System.Enum.TryParse<RuleSeverity>(severity, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(severity, out _)
            ? parsed
            : null;

    private static ViolationEvent Envelope(string callId, string agentId, string team, long sequence, DateTimeOffset at) => new()
    {
        EventId = $"{callId}/{sequence}",
        AgentId = agentId,
        Team = team,
        RecordedAt = Timestamp.FromDateTimeOffset(at),
    };
}
