namespace CallMonitor.Compliance.Rules;

/// <summary>
/// A phrase count reported as a metric, not a violation (polite words: 您, 请, 谢谢 …).
/// </summary>
public sealed class PhraseMetric
{
    internal PhraseMetric(string id, string description, IReadOnlyList<RuleSource> sources, IReadOnlyList<RulePhrase> phrases)
    {
        Id = id;
        Description = description;
        Sources = Frozen.List(sources);
        Phrases = Frozen.List(phrases);
    }

    /// <summary>Metric id (<c>polite_words</c>).</summary>
    public string Id { get; }

    public string Description { get; }

    /// <summary>The standards the metric comes from.</summary>
    public IReadOnlyList<RuleSource> Sources { get; }

    /// <summary>The phrases counted, normalised.</summary>
    public IReadOnlyList<RulePhrase> Phrases { get; }
}
