namespace CallMonitor.Acoustics.Rate;

/// <summary>
/// The contour whose peaks are syllable nuclei: per frame, the mean of the strongest mel-band levels (dB), i.e. the
/// geometric mean of their energies. A vowel is loud across the bands and scores high; a nasal, lateral or fricative
/// puts its energy in few bands and scores low, so the contour dips at consonants more than plain intensity does.
/// </summary>
internal static class NucleusContour
{
    /// <summary>Frame <c>i</c> is centred on sample <c>i * step + step / 2</c>.</summary>
    public static double[] Compute(ReadOnlySpan<float> samples, int step, int strongestBands, int smoothing)
    {
        var frames = samples.Length / step;
        var raw = new double[frames];
        var analyzer = new MelBandLevels();
        Span<double> levels = stackalloc double[MelBandLevels.Bands];
        for (var f = 0; f < frames; f++)
        {
            analyzer.Measure(samples, Centre(f, step), levels);
            levels.Sort();
            double sum = 0;
            for (var b = MelBandLevels.Bands - strongestBands; b < MelBandLevels.Bands; b++)
            {
                sum += levels[b];
            }

            raw[f] = sum / strongestBands;
        }

        return Smooth(raw, smoothing);
    }

    public static int Centre(int frame, int step) => (frame * step) + (step / 2);

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
}
