namespace CallMonitor.Audio.Conversion;

/// <summary>
/// Kaiser-windowed sinc low-pass, sampled at every fractional input position an output sample can fall on.
/// Row <c>p</c> holds the <see cref="TapCount"/> weights for input frames <c>floor(t) - HalfTaps + 1 ...
/// floor(t) + HalfTaps</c> when the output lands at <c>t = floor(t) + p / Phases</c> (in input samples).
/// </summary>
internal sealed class PolyphaseFilterBank
{
    /// <summary>Stop-band attenuation of the design, dB.</summary>
    internal const double StopbandAttenuationDb = 80;

    /// <summary>Pass band ends at this fraction of the lower Nyquist; the stop band starts at the Nyquist itself.</summary>
    internal const double PassbandFraction = 0.9;

    /// <summary>Beyond this many exact phases the table is sampled finer than needed and interpolated instead.</summary>
    private const int MaxExactPhases = 1024;

    private readonly float[] table;

    public PolyphaseFilterBank(int inputRate, int outputRate)
    {
        int gcd = Gcd(inputRate, outputRate);
        Up = outputRate / gcd;
        Down = inputRate / gcd;

        double lowerNyquist = Math.Min(inputRate, outputRate) / 2.0;
        double transition = (1 - PassbandFraction) * lowerNyquist; // Hz
        double cutoff = (lowerNyquist * (1 + PassbandFraction) / 2) / inputRate; // cycles per input sample
        double beta = 0.1102 * (StopbandAttenuationDb - 8.7);
        double length = ((StopbandAttenuationDb - 7.95) / (2.285 * 2 * Math.PI * transition / inputRate)) + 1;
        HalfTaps = (int)Math.Ceiling(length / 2);
        Interpolated = Up > MaxExactPhases;
        Phases = Interpolated ? MaxExactPhases : Up;

        int rows = Interpolated ? Phases + 1 : Phases;
        table = new float[rows * TapCount];
        double i0Beta = BesselI0(beta);
        var row = new double[TapCount];
        for (int p = 0; p < rows; p++)
        {
            double phase = (double)p / Phases;
            double sum = 0;
            for (int j = 0; j < TapCount; j++)
            {
                double tau = phase + HalfTaps - 1 - j;
                double x = tau / HalfTaps;
                double window = Math.Abs(x) >= 1 ? 0 : BesselI0(beta * Math.Sqrt(1 - (x * x))) / i0Beta;
                row[j] = 2 * cutoff * Sinc(2 * cutoff * tau) * window;
                sum += row[j];
            }

            // Unity gain at DC for every phase, so a constant input comes out exactly constant.
            for (int j = 0; j < TapCount; j++)
            {
                table[(p * TapCount) + j] = (float)(row[j] / sum);
            }
        }
    }

    /// <summary>Output samples per <see cref="Down"/> input samples (the reduced ratio).</summary>
    public int Up { get; }

    public int Down { get; }

    public int HalfTaps { get; }

    public int TapCount => 2 * HalfTaps;

    public int Phases { get; }

    /// <summary>True when positions between table rows are linearly interpolated (very fine ratios).</summary>
    public bool Interpolated { get; }

    public ReadOnlySpan<float> Row(int phase) => table.AsSpan(phase * TapCount, TapCount);

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series.</summary>
    private static double BesselI0(double x)
    {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 200; k++)
        {
            term *= half / k;
            double squared = term * term;
            sum += squared;
            if (squared < sum * 1e-16)
            {
                break;
            }
        }

        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
