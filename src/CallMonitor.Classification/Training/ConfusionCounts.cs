namespace CallMonitor.Classification;

/// <summary>
/// Outcome counts of a binary evaluation, "positive" meaning rude, and the figures derived from them.
/// A ratio with an empty denominator is 0.
/// </summary>
public sealed record ConfusionCounts(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>Number of utterances evaluated.</summary>
    public int Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Utterances labelled rude.</summary>
    public int ActualRude => TruePositives + FalseNegatives;

    /// <summary>Utterances labelled standard.</summary>
    public int ActualStandard => TrueNegatives + FalsePositives;

    /// <summary>Of the utterances called rude, the share that are rude.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>Of the rude utterances, the share called rude.</summary>
    public double Recall => Ratio(TruePositives, ActualRude);

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Share of all utterances labelled right.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    /// <summary>Accuracy of always answering the more frequent label: the floor a useful model must clear.</summary>
    public double MajorityBaselineAccuracy => Ratio(Math.Max(ActualRude, ActualStandard), Total);

    /// <summary>Counts <paramref name="predictedRude"/> against <paramref name="actualRude"/>.</summary>
    public ConfusionCounts Add(bool actualRude, bool predictedRude) => (actualRude, predictedRude) switch
    {
        (true, true) => this with { TruePositives = TruePositives + 1 },
        (false, true) => this with { FalsePositives = FalsePositives + 1 },
        (false, false) => this with { TrueNegatives = TrueNegatives + 1 },
        (true, false) => this with { FalseNegatives = FalseNegatives + 1 },
    };

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
