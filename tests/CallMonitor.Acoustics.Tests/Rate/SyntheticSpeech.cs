namespace CallMonitor.Acoustics.Tests.Rate;

/// <summary>Speech-like test signals with a known number of syllables: voiced harmonic vowels between consonants.</summary>
internal static class SyntheticSpeech
{
    public const int Rate = 16000;

    /// <summary>
    /// <paramref name="syllables"/> vowels of <paramref name="vowelSeconds"/> (140 Hz voice with harmonics to 3.5 kHz,
    /// smooth onset and offset), each preceded by <paramref name="consonantSeconds"/> of a fricative (noise at
    /// -35 dBFS), over line noise at -60 dBFS.
    /// </summary>
    public static float[] SyllableTrain(int syllables, double vowelSeconds, double consonantSeconds, int seed = 1)
    {
        var random = new Random(seed);
        var vowel = (int)(vowelSeconds * Rate);
        var consonant = (int)(consonantSeconds * Rate);
        var samples = new float[(syllables * (vowel + consonant)) + consonant];
        var at = 0;
        for (var s = 0; s < syllables; s++)
        {
            for (var i = 0; i < consonant; i++)
            {
                samples[at++] = Noise(random, -35);
            }

            var pitch = 120 + (40 * random.NextDouble());
            for (var i = 0; i < vowel; i++)
            {
                var envelope = Math.Sin(Math.PI * i / vowel);
                samples[at++] = (float)(0.25 * envelope * Harmonics(pitch, i));
            }
        }

        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] += Noise(random, -60);
        }

        return samples;
    }

    /// <summary>One long steady vowel: a single syllable however long it lasts.</summary>
    public static float[] SteadyVowel(double seconds)
    {
        var count = (int)(seconds * Rate);
        var samples = new float[count];
        for (var i = 0; i < count; i++)
        {
            var ramp = Math.Min(1.0, Math.Min(i, count - i) / (0.03 * Rate));
            samples[i] = (float)(0.25 * ramp * Harmonics(150, i));
        }

        return samples;
    }

    public static float[] WhiteNoise(double seconds, double dbfs, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, (int)(seconds * Rate)).Select(_ => Noise(random, dbfs)).ToArray();
    }

    private static double Harmonics(double pitch, int i)
    {
        var t = (double)i / Rate;
        double sum = 0;
        for (var k = 1; k * pitch < 3500; k++)
        {
            sum += Math.Sin(2 * Math.PI * k * pitch * t) / k;
        }

        return sum;
    }

    private static float Noise(Random random, double dbfs) =>
        (float)(((random.NextDouble() * 2) - 1) * Math.Sqrt(3) * Math.Pow(10, dbfs / 20));
}
