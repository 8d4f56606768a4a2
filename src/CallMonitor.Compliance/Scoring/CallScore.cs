namespace CallMonitor.Compliance.Scoring;

/// <summary>
/// A call's score on the pack's scoring form (服务质量评估表), made by <see cref="CallScorer"/>.
/// </summary>
/// <param name="Total">
/// <paramref name="BasePoints"/> + <paramref name="Bonus"/> + <paramref name="Penalty"/>, never below 0. Items not judged
/// automatically count at full marks in the base score (a supervisor lowers them by hand) and earn no bonus or penalty.
/// </param>
/// <param name="Max">The form's total (100 on the seed form).</param>
/// <param name="BasePoints">Points of the score sections (服务规范, 专业能力, 服务技巧).</param>
/// <param name="Bonus">Points earned in bonus sections (加分项), 0 or more.</param>
/// <param name="Penalty">Points lost in penalty sections (减分项), 0 or less.</param>
/// <param name="ManualPoints">Points of score items a person must judge, included at full marks in <paramref name="BasePoints"/>.</param>
/// <param name="Sections">Every section of the form with its subtotal and items, in form order.</param>
/// <param name="UnscoredRuleIds">Rules with confirmed violations that no item of the form scores (alerts, metrics), sorted.</param>
public sealed record CallScore(
    double Total,
    double Max,
    double BasePoints,
    double Bonus,
    double Penalty,
    double ManualPoints,
    IReadOnlyList<ScoredSection> Sections,
    IReadOnlyList<string> UnscoredRuleIds)
{
    /// <summary>Every item of every section, in form order.</summary>
    public IEnumerable<ScoredItem> AllItems() => Sections.SelectMany(s => s.Items);
}
