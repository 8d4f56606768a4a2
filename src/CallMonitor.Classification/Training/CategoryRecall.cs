namespace CallMonitor.Classification;

/// <summary>
/// How many utterances of one corpus category got their own label: for a rude category this is its recall,
/// for a standard one the share not flagged.
/// </summary>
public sealed record CategoryRecall(string Category, UtteranceLabel Label, int Count, int Correct)
{
    /// <summary><see cref="Correct"/> / <see cref="Count"/> (0 when empty).</summary>
    public double Recall => Count == 0 ? 0 : (double)Correct / Count;
}
