using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Scoring;

/// <summary>
/// One line of the scoring form (服务态度 15, 语音 25 …). An <see cref="Automated"/> item is judged from rule
/// violations: <see cref="Deductions"/> for a score item, <see cref="Triggers"/> for a bonus or penalty item.
/// Other items are left for the supervisor.
/// </summary>
public sealed class ScoringItem
{
    internal ScoringItem(string id, string name, string basis, double points, bool automated)
    {
        Id = id;
        Name = name;
        Basis = basis;
        Points = points;
        Automated = automated;
    }

    /// <summary>Item id, unique in the form.</summary>
    public string Id { get; }

    /// <summary>The form's name for the item (服务态度).</summary>
    public string Name { get; }

    /// <summary>What the item is judged on (评估依据).</summary>
    public string Basis { get; }

    /// <summary>Points of the item (negative for a penalty).</summary>
    public double Points { get; }

    /// <summary>Whether violations judge this item; false items need a person.</summary>
    public bool Automated { get; }

    /// <summary>Rules that take points off (score items).</summary>
    public IReadOnlyList<ScoringDeduction> Deductions { get; internal init => field = Frozen.List(value); } = [];

    /// <summary>Rules any violation of which applies the item once (bonus and penalty items).</summary>
    public IReadOnlyList<string> Triggers { get; internal init => field = Frozen.List(value); } = [];

    public override string ToString() => $"{Name} {Points}";
}
