namespace CallMonitor.Acoustics.Rate;

/// <summary>
/// Log energies (dB) of one short frame in bands spaced evenly on the mel scale over 150-4000 Hz: the region
/// that holds the first formants of every vowel and survives the telephone band.
/// </summary>
internal sealed class MelBandLevels
{
    public const int Bands = 14;
    public const int FftSize = 512; // 32 ms at 16 kHz

    private const double LowHz = 150;
    private const double HighHz = 4000;
    private const double SilentPower = 1e-12;

    private static readonly double[] Window = BuildWindow();
    private static readonly int[] Edges = BuildEdges(SyllableRateEstimator.SampleRate);

    private readonly double[] _re = new double[FftSize];
    private readonly double[] _im = new double[FftSize];

    /// <summary>Fills <paramref name="levels"/> (length <see cref="Bands"/>) for the frame centred on <paramref name="centre"/>.</summary>
    public void Measure(ReadOnlySpan<float> samples, int centre, Span<double> levels)
    {
        var start = centre - (FftSize / 2);
        for (var k = 0; k < FftSize; k++)
        {
            var i = start + k;
            _re[k] = (uint)i < (uint)samples.Length ? samples[i] * Window[k] : 0;
            _im[k] = 0;
        }

        Fft.Transform(_re, _im);
        for (var b = 0; b < Bands; b++)
        {
            double energy = 0;
            for (var bin = Edges[b]; bin < Edges[b + 1]; bin++)
            {
                energy += (_re[bin] * _re[bin]) + (_im[bin] * _im[bin]);
            }

            levels[b] = 10 * Math.Log10((energy / (Edges[b + 1] - Edges[b])) + SilentPower);
        }
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
