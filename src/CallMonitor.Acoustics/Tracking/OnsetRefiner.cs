namespace CallMonitor.Acoustics.Tracking;

/// <summary>
/// Moves a detected speech region's start back over the loud audio just before it. Silero triggers on voiced
/// vowels, so a region can start after a plosive onset (b-, d-, g-) or even after a whole first syllable it scored
/// low; the energy envelope shows where the sound really began. Only 10 ms frames within
/// <see cref="BelowSegmentDb"/> of the region's own level count, dips up to 120 ms between them are bridged,
/// and the start never moves more than <see cref="MaxShift"/>.
/// </summary>
internal static class OnsetRefiner
{
    public const int FrameSamples = 160;
    public static readonly TimeSpan MaxShift = TimeSpan.FromMilliseconds(600);
    private const double BelowSegmentDb = 18;
    private const double AbsoluteFloorDb = -50;

    /// <summary>A dip between syllables up to this many frames (120 ms) is bridged; a longer quiet stretch is a pause.</summary>
    private const int MaxDipFrames = 12;

    /// <summary>The refined start (never later than <paramref name="start"/>, never before <paramref name="earliest"/>).</summary>
    public static long RefineStart(SampleHistory history, long start, long end, long earliest, int sampleRate)
    {
        var segment = history.Slice(start, end);
        if (segment.Length < FrameSamples)
        {
            return start;
        }

        var threshold = Math.Max(LoudnessMeter.Measure(segment).RmsDbfs - BelowSegmentDb, AbsoluteFloorDb);
        var limit = Math.Max(Math.Max(earliest, history.Start), start - (long)(MaxShift.TotalSeconds * sampleRate));
        var refined = start;
        var quietFrames = 0;
        for (var at = start; at - FrameSamples >= limit && quietFrames <= MaxDipFrames; at -= FrameSamples)
        {
            if (LoudnessMeter.Measure(history.Slice(at - FrameSamples, at)).RmsDbfs >= threshold)
            {
                refined = at - FrameSamples;
                quietFrames = 0;
            }
            else
            {
                quietFrames++;
            }
        }

        return refined;
    }
}
