namespace CallMonitor.Chinese.Normalization;

/// <summary>
/// Text after <see cref="ChineseTextNormalizer.Normalize"/>, with the way back to the original: for each
/// normalised character the range of the original it came from.
/// </summary>
public sealed class NormalizedText
{
    private readonly SourceSpan[] _map;

    internal NormalizedText(string original, string text, SourceSpan[] map)
    {
        Original = original;
        Text = text;
        _map = map;
    }

    /// <summary>The text that was normalised.</summary>
    public string Original { get; }

    /// <summary>The normalised text.</summary>
    public string Text { get; }

    /// <summary>For each character of <see cref="Text"/>, where it came from in <see cref="Original"/>.</summary>
    public IReadOnlyList<SourceSpan> SourceMap => _map;

    /// <summary>The original range of the normalised character at <paramref name="index"/>.</summary>
    public SourceSpan SourceOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _map.Length);
        return _map[index];
    }

    /// <summary>
    /// The original range covering normalised characters [<paramref name="start"/>, start + length):
    /// from the first one's source to the last one's source end, so whatever was dropped in between
    /// (spaces, punctuation) is inside it. An empty range maps to an empty range at the matching position.
    /// </summary>
    public SourceSpan ToSource(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, _map.Length);
        if (length == 0)
        {
            var at = start < _map.Length ? _map[start].Start : Original.Length;
            return new SourceSpan(at, 0);
        }

        var first = _map[start];
        var last = _map[start + length - 1];
        return new SourceSpan(first.Start, last.End - first.Start);
    }

    public override string ToString() => Text;
}
