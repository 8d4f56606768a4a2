namespace CallMonitor.TestKit.Audio;

/// <summary>
/// Deterministic white Gaussian noise (SplitMix64 + Box-Muller, independent of the runtime's Random), added to
/// rendered calls so that silences are a low hiss as on a real line, never digital zero.
/// </summary>
public static class LineNoise
{
    /// <summary>Adds noise of RMS level <paramref name="dbfs"/> (full-scale sine RMS is about -3 dBFS; RMS 1.0 is 0 dBFS).</summary>
    public static void Add(Span<float> track, double dbfs, int seed)
    {
        var sigma = Math.Pow(10, dbfs / 20);
        var state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;
        for (var i = 0; i < track.Length; i += 2)
        {
            var u1 = (Next(ref state) >> 11) * (1.0 / (1UL << 53));
            var u2 = (Next(ref state) >> 11) * (1.0 / (1UL << 53));
            var radius = Math.Sqrt(-2 * Math.Log(1 - u1)) * sigma;
            track[i] += (float)(radius * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < track.Length)
            {
                track[i + 1] += (float)(radius * Math.Sin(2 * Math.PI * u2));
            }
        }
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
