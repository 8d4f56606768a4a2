namespace CallMonitor.Acoustics.Rate;

/// <summary>
/// One second-order low-pass IIR section (direct form I) with Butterworth Q, designed by the bilinear transform.
/// Cascading two gives a 4th-order slope (24 dB/octave).
/// </summary>
internal struct BiquadSection
{
    private const double ButterworthQ = 0.7071067811865476;

    private readonly double _b0, _b1, _b2, _a1, _a2;
    private double _x1, _x2, _y1, _y2;

    private BiquadSection(double b0, double b1, double b2, double a0, double a1, double a2)
    {
        _b0 = b0 / a0;
        _b1 = b1 / a0;
        _b2 = b2 / a0;
        _a1 = a1 / a0;
        _a2 = a2 / a0;
        _x1 = _x2 = _y1 = _y2 = 0;
    }

    public static BiquadSection LowPass(double cornerHz, int sampleRate)
    {
        var (cos, alpha) = Prewarp(cornerHz, sampleRate);
        return new BiquadSection((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public double Process(double x)
    {
        var y = (_b0 * x) + (_b1 * _x1) + (_b2 * _x2) - (_a1 * _y1) - (_a2 * _y2);
        _x2 = _x1;
        _x1 = x;
        _y2 = _y1;
        _y1 = y;
        return y;
    }

    private static (double Cos, double Alpha) Prewarp(double cornerHz, int sampleRate)
    {
        var w = 2 * Math.PI * cornerHz / sampleRate;
        return (Math.Cos(w), Math.Sin(w) / (2 * ButterworthQ));
    }
}
