namespace CallMonitor.TestKit.Audio;

/// <summary>Where speech starts and ends in a clip: the first and last 10 ms frame within a level of the loudest one.</summary>
public static class SpeechEdges
{
    private const int Frame = 160;

    /// <returns>[Start, End) in samples; (0, 0) for a silent or empty clip.</returns>
    public static (int Start, int End) Find(ReadOnlySpan<float> samples, double belowPeakDb = 35)
    {
        var frames = samples.Length / Frame;
        if (frames == 0)
        {
            return (0, 0);
        }

        var levels = new double[frames];
        for (var f = 0; f < frames; f++)
        {
            double sum = 0;
            foreach (var s in samples.Slice(f * Frame, Frame))
            {
                sum += s * (double)s;
            }

            levels[f] = 10 * Math.Log10((sum / Frame) + 1e-12);
        }

        var threshold = levels.Max() - belowPeakDb;
        var first = Array.FindIndex(levels, l => l > threshold);
        var last = Array.FindLastIndex(levels, l => l > threshold);
        return first < 0 ? (0, 0) : (first * Frame, Math.Min(samples.Length, (last + 1) * Frame));
    }

    /// <summary>The clip without its leading and trailing silence.</summary>
    public static float[] Trim(float[] samples, double belowPeakDb = 35)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var (start, end) = Find(samples, belowPeakDb);
        return samples[start..end];
    }
}
