namespace CallMonitor.Compliance.Scoring;

/// <summary>One item of the scoring form for one call.</summary>
/// <param name="Section">The section's name (服务规范, 专业能力, 服务技巧 …).</param>
/// <param name="Basis">What the item is judged on (评估依据).</param>
/// <param name="Max">The item's points on the form (negative for a penalty item).</param>
/// <param name="Points">
/// Score item: <paramref name="Max"/> less its deductions, not below 0. Bonus or penalty item: <paramref name="Max"/>
/// when a triggering rule fired, else 0.
/// </param>
/// <param name="Automated">False: cannot be judged from audio and text; see <paramref name="Note"/>.</param>
/// <param name="Deductions">Rules that fired and what each took off (or applied, for bonus and penalty items).</param>
/// <param name="Note">For items a person must judge: <see cref="CallScorer.NotJudgedNote"/>; otherwise null.</param>
public sealed record ScoredItem(
    string Id,
    string Section,
    string Name,
    string Basis,
    double Max,
    double Points,
    bool Automated,
    IReadOnlyList<ScoredDeduction> Deductions,
    string? Note)
{
    /// <summary>Ids of the rules whose violations changed this item.</summary>
    public IEnumerable<string> RuleIds() => Deductions.Select(d => d.RuleId);
}
