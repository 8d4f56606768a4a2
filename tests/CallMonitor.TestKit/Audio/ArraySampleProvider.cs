using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Providers;

namespace CallMonitor.TestKit.Audio;

/// <summary>Interleaved float samples held in memory, read once front to back.</summary>
internal sealed class ArraySampleProvider(float[] samples, int sampleRate, int channels) : ISampleProvider
{
    private int _position;

    public WaveFormat WaveFormat { get; } = WaveFormat.IeeeFloat(sampleRate, channels);

    public int Read(Span<float> buffer)
    {
        var whole = buffer.Length - (buffer.Length % channels);
        var count = Math.Min(whole, samples.Length - _position);
        samples.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
