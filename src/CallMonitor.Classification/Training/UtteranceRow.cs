namespace CallMonitor.Classification;

/// <summary>The ML.NET input row: normalised text and, for training, the label (true = rude).</summary>
internal sealed class UtteranceRow
{
    public string Text { get; set; } = string.Empty;

    public bool Label { get; set; }
}
