namespace CallMonitor.Compliance.Scoring;

/// <summary>How a section of the scoring form counts.</summary>
public enum ScoringSectionKind
{
    /// <summary>Part of the base score: items start at their points and lose deductions.</summary>
    Score,

    /// <summary>Added on top of the base score when an item is earned (加分项).</summary>
    Bonus,

    /// <summary>Subtracted when an item is triggered (减分项); its points are negative.</summary>
    Penalty,
}
