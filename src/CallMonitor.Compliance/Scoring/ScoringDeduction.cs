namespace CallMonitor.Compliance.Scoring;

/// <summary>
/// Points a rule takes off a scoring item: <see cref="Points"/> per violation, at most <see cref="Max"/> per call
/// for that rule.
/// </summary>
/// <param name="RuleId">The rule whose violations deduct.</param>
/// <param name="Points">Points per violation (positive).</param>
/// <param name="Max">Cap on this rule's deductions from the item per call (at least <paramref name="Points"/>).</param>
public sealed record ScoringDeduction(string RuleId, double Points, double Max)
{
    /// <summary>The points taken off for <paramref name="violations"/> violations of the rule.</summary>
    public double For(int violations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(violations);
        return Math.Min(Max, violations * Points);
    }
}
