namespace CallMonitor.Acoustics.Rate;

/// <summary>
/// Level-free spectral shape of a short frame: log energies in bands spaced evenly on the mel scale over
/// 150-4000 Hz, minus their mean. Two frames of the same vowel stay close even when one is much quieter; a
/// consonant between two vowels moves far from both.
/// </summary>
internal static class SpectralShape
{
    public const int Bands = 14;

    private const int FftSize = 512;
    private const double LowHz = 150;
    private const double HighHz = 4000;

    private static readonly double[] Window = BuildWindow();
    private static readonly int[] Edges = BuildEdges(SyllableRateEstimator.SampleRate);

    public static double[] Measure(ReadOnlySpan<float> samples, int centre)
    {
        var shape = MeasureLevels(samples, centre);
        var mean = shape.Average();
        for (var b = 0; b < Bands; b++)
        {
            shape[b] -= mean;
        }

        return shape;
    }

    /// <summary>Log band energies (dB) without level normalisation.</summary>
    public static double[] MeasureLevels(ReadOnlySpan<float> samples, int centre)
    {
        var re = new double[FftSize];
        var im = new double[FftSize];
        var start = centre - (FftSize / 2);
        for (var k = 0; k < FftSize; k++)
        {
            var i = start + k;
            re[k] = (uint)i < (uint)samples.Length ? samples[i] * Window[k] : 0;
        }

        Fft.Transform(re, im);
        var shape = new double[Bands];
        for (var b = 0; b < Bands; b++)
        {
            double energy = 0;
            for (var bin = Edges[b]; bin < Edges[b + 1]; bin++)
            {
                energy += (re[bin] * re[bin]) + (im[bin] * im[bin]);
            }

            shape[b] = 10 * Math.Log10((energy / (Edges[b + 1] - Edges[b])) + 1e-12);
        }

        return shape;
    }

    /// <summary>Root-mean-square difference of two shapes, in dB.</summary>
    public static double Distance(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }

        return Math.Sqrt(sum / a.Length);
    }

    private static double[] BuildWindow()
    {
        var w = new double[FftSize];
        for (var i = 0; i < FftSize; i++)
        {
            w[i] = 0.5 - (0.5 * Math.Cos(2 * Math.PI * (i + 0.5) / FftSize));
        }

        return w;
    }

    private static int[] BuildEdges(int sampleRate)
    {
        static double Mel(double hz) => 2595 * Math.Log10(1 + (hz / 700));
        static double Hz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);
        var edges = new int[Bands + 1];
        double low = Mel(LowHz), high = Mel(HighHz);
        for (var b = 0; b <= Bands; b++)
        {
            var bin = (int)Math.Round(Hz(low + ((high - low) * b / Bands)) * FftSize / sampleRate);
            edges[b] = b == 0 ? bin : Math.Max(bin, edges[b - 1] + 1);
        }

        return edges;
    }
}
