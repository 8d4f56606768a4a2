namespace CallMonitor.Chinese.Privacy;

/// <summary>The result of <see cref="SensitiveNumberMasker.MaskWithSpans"/>.</summary>
/// <param name="Text">
/// The masked text, as long as the input; the very input instance when <paramref name="Spans"/> is empty.
/// </param>
/// <param name="Spans">The numbers masked, in text order, not overlapping.</param>
public sealed record MaskedText(string Text, IReadOnlyList<MaskedSpan> Spans)
{
    /// <summary>True when at least one number was masked.</summary>
    public bool Changed => Spans.Count > 0;
}
