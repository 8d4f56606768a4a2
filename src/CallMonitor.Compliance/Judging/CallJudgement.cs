using CallMonitor.Domain.Events;

namespace CallMonitor.Compliance.Judging;

/// <summary>What the rules found in one finished call.</summary>
/// <param name="Violations">Each violation in its final state (confirmed; never retracted or still provisional), in audio-time order.</param>
/// <param name="Updates">Every violation event as the live stream would have carried it (provisional, confirmed, retracted).</param>
public sealed record CallJudgement(IReadOnlyList<ViolationDetected> Violations, IReadOnlyList<ViolationDetected> Updates)
{
    /// <summary>The judgement a stream of violation updates comes to: each violation in its last state, if confirmed.</summary>
    public static CallJudgement FromUpdates(IEnumerable<ViolationDetected> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var all = updates.ToList();
        var final = all
            .GroupBy(v => v.ViolationId, StringComparer.Ordinal)
            .Select(g => g.Last())
            .Where(v => v.State == ViolationState.Confirmed)
            .OrderBy(v => v.Span.Start)
            .ThenBy(v => v.RuleId, StringComparer.Ordinal)
            .ToList();
        return new CallJudgement(final, all);
    }
}
