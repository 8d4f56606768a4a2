using CallMonitor.Audio.Providers;

namespace CallMonitor.Audio.Conversion;

public static class SampleProviderExtensions
{
    /// <summary>Decodes any supported encoding (PCM 8/16/24/32, float 32/64, mu-law, A-law) to float samples in [-1, 1].</summary>
    public static ISampleProvider ToSampleProvider(this IWaveProvider source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new WaveToSampleProvider(source);
    }

    /// <summary>Resamples to <paramref name="targetSampleRate"/>; returns the source itself when it already runs at that rate.</summary>
    public static ISampleProvider ToSampleRate(this ISampleProvider source, int targetSampleRate)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.WaveFormat.SampleRate == targetSampleRate ? source : new ResamplingSampleProvider(source, targetSampleRate);
    }
}
