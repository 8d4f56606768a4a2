using CallMonitor.Compliance.Engine;
using CallMonitor.Domain.Events;

namespace CallMonitor.Compliance.Judging;

/// <summary>
/// Judges a call whose events are all known (a recording, a transcript) with the same session a live call uses:
/// the events are replayed in the order the live pipeline delivers them (by the audio time each is complete), then
/// the call is completed, and each violation is kept in its last state.
/// </summary>
public static class RecordedCallJudge
{
    public static CallJudgement Judge(ComplianceEngine engine, string callId, CallContext context, IEnumerable<CallEvent> events, TimeSpan callEnd)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(events);
        var session = engine.CreateSession(callId, context);
        var updates = new List<ViolationDetected>();
        foreach (var e in events.Where(e => e is not ViolationDetected).OrderBy(e => e.Span.End).ThenBy(e => e.Span.Start))
        {
            updates.AddRange(session.Accept(e));
        }

        updates.AddRange(session.Complete(callEnd));
        return CallJudgement.FromUpdates(updates);
    }
}
