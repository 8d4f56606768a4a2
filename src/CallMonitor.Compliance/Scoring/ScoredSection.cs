namespace CallMonitor.Compliance.Scoring;

/// <summary>One section of the scoring form for one call, with its subtotal.</summary>
/// <param name="Kind">Wire name of the section kind: <c>score</c>, <c>bonus</c> or <c>penalty</c>.</param>
/// <param name="Max">The section's points on the form (negative for a penalty section).</param>
/// <param name="Points">The section's subtotal for this call: the sum of its items' points.</param>
public sealed record ScoredSection(string Id, string Name, string Kind, double Max, double Points, IReadOnlyList<ScoredItem> Items);
