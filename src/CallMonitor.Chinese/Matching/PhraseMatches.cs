using System.Collections;

namespace CallMonitor.Chinese.Matching;

/// <summary>
/// The hits found in one text, in text order, plus the hits that context exceptions suppressed
/// (<see cref="Suppressed"/>), so a caller can show why a phrase did not fire.
/// </summary>
public sealed class PhraseMatches : IReadOnlyList<PhraseMatch>
{
    private readonly PhraseMatch[] _matches;
    private readonly SuppressedMatch[] _suppressed;

    internal PhraseMatches(PhraseMatch[] matches, SuppressedMatch[] suppressed)
    {
        _matches = matches;
        _suppressed = suppressed;
    }

    /// <summary>No hits.</summary>
    public static PhraseMatches Empty { get; } = new([], []);

    /// <summary>Hits excused by an exception, in text order.</summary>
    public IReadOnlyList<SuppressedMatch> Suppressed => _suppressed;

    public int Count => _matches.Length;

    public PhraseMatch this[int index] => _matches[index];

    public IEnumerator<PhraseMatch> GetEnumerator() => ((IEnumerable<PhraseMatch>)_matches).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
