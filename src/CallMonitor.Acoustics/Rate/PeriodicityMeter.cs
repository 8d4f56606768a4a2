using System.Numerics;

namespace CallMonitor.Acoustics.Rate;

/// <summary>
/// Voicing strength of a frame: the highest normalised autocorrelation over pitch lags of 2.5-14 ms (70-400 Hz),
/// on a low-passed copy of the signal. Vowels score near 1; fricatives, bursts and noise score low.
/// </summary>
internal static class PeriodicityMeter
{
    private const int MinLag = 40;   // 400 Hz at 16 kHz
    private const int MaxLag = 228;  // 70 Hz
    private const int Window = 480;  // 30 ms

    public static double Measure(ReadOnlySpan<float> lowPassed, int centre)
    {
        var start = centre - ((Window + MaxLag) / 2);
        if (start < 0)
        {
            start = 0;
        }

        if (start + Window + MaxLag > lowPassed.Length)
        {
            start = Math.Max(0, lowPassed.Length - Window - MaxLag);
        }

        var available = Math.Min(Window, lowPassed.Length - start - MinLag);
        if (available < 2 * MinLag)
        {
            return 0;
        }

        var a = lowPassed.Slice(start, available);
        double energyA = Dot(a, a);
        if (energyA <= 1e-12)
        {
            return 0;
        }

        double best = 0;
        var maxLag = Math.Min(MaxLag, lowPassed.Length - start - available);
        for (var lag = MinLag; lag <= maxLag; lag++)
        {
            var b = lowPassed.Slice(start + lag, available);
            var energyB = Dot(b, b);
            if (energyB <= 1e-12)
            {
                continue;
            }

            var r = Dot(a, b) / Math.Sqrt(energyA * energyB);
            if (r > best)
            {
                best = r;
            }
        }

        return best;
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var width = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        var i = 0;
        for (; i + width <= a.Length; i += width)
        {
            acc += new Vector<float>(a.Slice(i, width)) * new Vector<float>(b.Slice(i, width));
        }

        double sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
