namespace CallMonitor.Chinese.Matching;

/// <summary>One place where a phrase was found.</summary>
/// <param name="PatternId">The <see cref="PhrasePattern.Id"/>.</param>
/// <param name="Phrase">The phrase as written in the pattern.</param>
/// <param name="Start">Start of the hit in the original text (UTF-16 index).</param>
/// <param name="Length">Length of the hit in the original text, including any spaces or punctuation inside it.</param>
/// <param name="Evidence">The original text of the hit.</param>
/// <param name="Kind">Whether it matched exactly or by sound.</param>
/// <param name="Similarity">
/// 1.0 for an exact hit; for a sound hit the mean over its characters of 1.0 (same character),
/// 0.9 (same syllable and tone), 0.8 (same syllable, other tone) and 0.6 (near syllable).
/// </param>
public sealed record PhraseMatch(
    string PatternId, string Phrase, int Start, int Length, string Evidence, MatchKind Kind, double Similarity)
{
    /// <summary>Index just past the hit in the original text.</summary>
    public int End => Start + Length;

    /// <summary>The words and audio times of the hit, when it was found by <see cref="PhraseMatcher.FindInWords"/>.</summary>
    public WordSpan? Words { get; init; }
}
