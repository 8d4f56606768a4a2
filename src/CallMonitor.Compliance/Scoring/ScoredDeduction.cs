namespace CallMonitor.Compliance.Scoring;

/// <summary>What one rule's violations did to one item of the form in one call.</summary>
/// <param name="Violations">How many confirmed violations of the rule counted.</param>
/// <param name="Points">
/// Points the rule took off a score item (positive; per violation, capped at the deduction's max and the item's
/// points), or the points a bonus or penalty item applied (its form points, once).
/// </param>
/// <param name="ViolationIds">The violations that counted, sorted.</param>
public sealed record ScoredDeduction(string RuleId, int Violations, double Points, IReadOnlyList<string> ViolationIds);
