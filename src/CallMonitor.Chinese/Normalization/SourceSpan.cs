namespace CallMonitor.Chinese.Normalization;

/// <summary>A range of UTF-16 code units in the original text.</summary>
/// <param name="Start">Index of the first code unit.</param>
/// <param name="Length">Number of code units.</param>
public readonly record struct SourceSpan(int Start, int Length)
{
    /// <summary>Index just past the range.</summary>
    public int End => Start + Length;
}
