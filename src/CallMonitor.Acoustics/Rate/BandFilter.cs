namespace CallMonitor.Acoustics.Rate;

/// <summary>4th-order Butterworth low-pass (two sections) applied to a whole buffer.</summary>
internal static class BandFilter
{
    /// <summary>Keeps the fundamental and first harmonics for the periodicity check.</summary>
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
