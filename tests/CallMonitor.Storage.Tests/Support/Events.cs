using CallMonitor.Compliance.Rules;
using CallMonitor.Storage.Events;

namespace CallMonitor.Storage.Tests.Support;

/// <summary>Event records for tests.</summary>
internal static class Events
{
    public static EventRecord Violation(string id, string call = "call-1", string agent = "agent-1", string team = "team-a",
        string type = "forbidden_phrase", RuleSeverity severity = RuleSeverity.Major) =>
        new(id, call, agent, team, EventKind.Violation, type, severity, $$"""{"id":"{{id}}","evidence":"这个不归我管"}""");

    public static EventRecord Lifecycle(string id, EventKind kind, string call = "call-1", string agent = "agent-1", string team = "team-a") =>
        new(id, call, agent, team, kind, null, null, $$"""{"id":"{{id}}"}""");
}
