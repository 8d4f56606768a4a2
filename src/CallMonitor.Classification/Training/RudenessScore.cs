namespace CallMonitor.Classification;

/// <summary>The ML.NET output row of the binary logistic model.</summary>
internal sealed class RudenessScore
{
    public bool PredictedLabel { get; set; }

    public float Score { get; set; }

    public float Probability { get; set; }
}
