namespace CallMonitor.Acoustics.Rate;

/// <summary>A 4th-order band-pass (two high-pass plus two low-pass Butterworth sections) applied to a whole buffer.</summary>
internal static class BandFilter
{
    public static float[] Apply(ReadOnlySpan<float> input, double lowHz, double highHz, int sampleRate)
    {
        var sections = new[]
        {
            BiquadSection.HighPass(lowHz, sampleRate),
            BiquadSection.HighPass(lowHz, sampleRate),
            BiquadSection.LowPass(highHz, sampleRate),
            BiquadSection.LowPass(highHz, sampleRate),
        };

        var output = new float[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            double x = input[i];
            for (var s = 0; s < sections.Length; s++)
            {
                x = sections[s].Process(x);
            }

            output[i] = (float)x;
        }

        return output;
    }

    /// <summary>Low-pass only (for the periodicity check, which wants the fundamental and first harmonics).</summary>
    public static float[] LowPass(ReadOnlySpan<float> input, double cornerHz, int sampleRate)
    {
        var first = BiquadSection.LowPass(cornerHz, sampleRate);
        var second = BiquadSection.LowPass(cornerHz, sampleRate);
        var output = new float[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = (float)second.Process(first.Process(input[i]));
        }

        return output;
    }
}
