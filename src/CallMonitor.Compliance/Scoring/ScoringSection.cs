using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Scoring;

/// <summary>A section of the scoring form (服务规范 40, 专业能力 50, 服务技巧 10, 加分项 +10, 减分项 −10).</summary>
public sealed class ScoringSection
{
    internal ScoringSection(string id, string name, ScoringSectionKind kind, double points, IReadOnlyList<ScoringItem> items)
    {
        Id = id;
        Name = name;
        Kind = kind;
        Points = points;
        Items = Frozen.List(items);
    }

    public string Id { get; }

    public string Name { get; }

    public ScoringSectionKind Kind { get; }

    /// <summary>The section's points: the sum of its items' points (negative for a penalty section).</summary>
    public double Points { get; }

    public IReadOnlyList<ScoringItem> Items { get; }
}
