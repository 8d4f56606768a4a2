namespace CallMonitor.Engines.Vosk.Recognition;

/// <summary>
/// vosk's float entry point hands the values to Kaldi unchanged, and Kaldi's features expect 16-bit sample values,
/// so samples in [-1, 1] are multiplied by 32768 (the inverse of the usual int16 → float conversion).
/// </summary>
internal static class VoskSampleScale
{
    public const float Int16Scale = 32768f;

    public static void ToInt16Range(ReadOnlySpan<float> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("destination is shorter than source", nameof(destination));
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i] * Int16Scale;
        }
    }
}
