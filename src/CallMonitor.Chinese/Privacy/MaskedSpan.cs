namespace CallMonitor.Chinese.Privacy;

/// <summary>
/// A number found and masked: from its first to its last digit character, separators inside included. The digits
/// kept readable (<see cref="SensitiveNumberKinds.VisibleDigits"/>) are the last ones inside the span.
/// </summary>
/// <param name="Start">Offset of the first digit character, in UTF-16 code units.</param>
/// <param name="Length">Code units up to and including the last digit character.</param>
public sealed record MaskedSpan(int Start, int Length, SensitiveNumberKind Kind)
{
    /// <summary>Offset just past the last digit character.</summary>
    public int End => Start + Length;
}
