namespace CallMonitor.Classification;

/// <summary>One line of the labelled corpus.</summary>
/// <param name="Label">The class the classifier learns.</param>
/// <param name="Category">
/// A finer label for reporting (推诿, 顶撞, 态度生硬, 不耐烦, standard-greeting, service-content …); the model
/// never sees it.
/// </param>
/// <param name="Text">The utterance as an agent would say it (simplified or traditional).</param>
/// <param name="Origin">Seed file and clause for seed-derived lines, or <c>written</c>.</param>
/// <param name="LineNumber">Line of the corpus file the utterance came from (1-based).</param>
public sealed record LabelledUtterance(UtteranceLabel Label, string Category, string Text, string Origin, int LineNumber)
{
    /// <summary>True for <see cref="UtteranceLabel.Rude"/>.</summary>
    public bool IsRude => Label == UtteranceLabel.Rude;
}
