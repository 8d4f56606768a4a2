namespace CallMonitor.Acoustics.Rate;

/// <summary>Short-time intensity in dB of an already band-limited signal, one value per frame step, then smoothed.</summary>
internal static class IntensityContour
{
    private const double SilentPower = 1e-10;

    /// <summary>Frame <c>i</c> is centred on sample <c>i * step + step / 2</c>.</summary>
    public static double[] Compute(ReadOnlySpan<float> band, int step, int window, int smoothing)
    {
        var frames = band.Length / step;
        var raw = new double[frames];
        var weights = HannWindow(window);
        for (var f = 0; f < frames; f++)
        {
            var centre = (f * step) + (step / 2);
            var start = centre - (window / 2);
            double sum = 0, weight = 0;
            for (var k = 0; k < window; k++)
            {
                var i = start + k;
                if ((uint)i < (uint)band.Length)
                {
                    sum += weights[k] * band[i] * band[i];
                    weight += weights[k];
                }
            }

            raw[f] = 10 * Math.Log10((sum / Math.Max(weight, 1e-9)) + SilentPower);
        }

        return Smooth(raw, smoothing);
    }

    private static double[] Smooth(double[] x, int half)
    {
        if (half == 0)
        {
            return x;
        }

        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            double sum = 0, weight = 0;
            for (var k = -half; k <= half; k++)
            {
                var j = i + k;
                if ((uint)j < (uint)x.Length)
                {
                    double w = half + 1 - Math.Abs(k);
                    sum += w * x[j];
                    weight += w;
                }
            }

            y[i] = sum / weight;
        }

        return y;
    }

    private static double[] HannWindow(int length)
    {
        var w = new double[length];
        for (var i = 0; i < length; i++)
        {
            w[i] = 0.5 - (0.5 * Math.Cos(2 * Math.PI * (i + 0.5) / length));
        }

        return w;
    }
}
