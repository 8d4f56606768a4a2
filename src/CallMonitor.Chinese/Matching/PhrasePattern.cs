namespace CallMonitor.Chinese.Matching;

/// <summary>
/// A phrase to look for. The phrase and its exceptions may be written in simplified or traditional
/// characters, with or without punctuation: they are normalised when the matcher is compiled.
/// </summary>
/// <param name="Id">Unique id, reported with every hit (e.g. the rule id).</param>
/// <param name="Phrase">The phrase, e.g. 不清楚.</param>
/// <param name="Tolerance">How far a hit may sound from the phrase.</param>
public sealed record PhrasePattern(string Id, string Phrase, PinyinTolerance Tolerance = PinyinTolerance.Exact)
{
    /// <summary>The fewest characters a phrase needs before it may match by sound at all.</summary>
    public const int MinimumSoundLength = 2;

    /// <summary>
    /// Context phrases that excuse a hit: when an occurrence of one of them (found with the same
    /// tolerance) covers the whole hit, the hit is reported as suppressed instead. Each must contain the
    /// phrase, e.g. 还有什么不清楚 for 不清楚. Compared by reference in record equality.
    /// </summary>
    public IReadOnlyList<string> Exceptions { get; init; } = [];

    /// <summary>Where the phrase may match.</summary>
    public PhraseAnchor Anchor { get; init; } = PhraseAnchor.Anywhere;

    /// <summary>
    /// Phrases (and exceptions) shorter than this, in normalised characters, match exactly only even
    /// when <see cref="Tolerance"/> allows sound matches: short phrases have too many sound-alikes.
    /// At least <see cref="MinimumSoundLength"/>.
    /// </summary>
    public int MinSoundLength { get; init; } = MinimumSoundLength;
}
