using CallMonitor.Domain.Events;

namespace CallMonitor.Compliance.Judging;

/// <summary>What the rules found in one finished call.</summary>
/// <param name="Violations">Each violation in its final state (confirmed; never retracted or still provisional), in audio-time order.</param>
/// <param name="Updates">Every violation event as the live stream would have carried it (provisional, confirmed, retracted).</param>
public sealed record CallJudgement(IReadOnlyList<ViolationDetected> Violations, IReadOnlyList<ViolationDetected> Updates);
