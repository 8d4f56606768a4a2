using CallMonitor.Domain.Events;

namespace CallMonitor.Acoustics.Tracking;

/// <summary>Level measures of a stretch of samples: RMS and peak in dBFS, and the share of clipped samples.</summary>
public static class LoudnessMeter
{
    /// <summary>Samples at or above this magnitude count as clipped (resampling rounds a flat-topped peak slightly).</summary>
    public const float ClipLevel = 0.98f;

    private const double SilentDb = -120;

    public static SegmentLoudness Measure(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty)
        {
            return new SegmentLoudness(SilentDb, SilentDb, 0);
        }

        double sum = 0;
        float peak = 0;
        var clipped = 0;
        foreach (var s in samples)
        {
            var a = Math.Abs(s);
            sum += a * (double)a;
            peak = Math.Max(peak, a);
            if (a >= ClipLevel)
            {
                clipped++;
            }
        }

        return new SegmentLoudness(
            ToDb(Math.Sqrt(sum / samples.Length)),
            ToDb(peak),
            clipped / (double)samples.Length);
    }

    public static double ToDb(double amplitude) => amplitude > 0 ? Math.Max(SilentDb, 20 * Math.Log10(amplitude)) : SilentDb;
}
