using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Providers;

namespace CallMonitor.Audio.Tests.Support;

/// <summary>Plays an interleaved float array; counts reads so tests can see it was streamed.</summary>
internal sealed class ArraySampleProvider(float[] samples, int sampleRate, int channels) : ISampleProvider
{
    private int position;

    public WaveFormat WaveFormat { get; } = WaveFormat.IeeeFloat(sampleRate, channels);

    public int Read(Span<float> buffer)
    {
        int count = Math.Min(buffer.Length - (buffer.Length % channels), samples.Length - position);
        samples.AsSpan(position, count).CopyTo(buffer);
        position += count;
        return count;
    }
}
