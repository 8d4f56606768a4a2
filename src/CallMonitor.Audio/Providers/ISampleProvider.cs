using CallMonitor.Audio.Formats;

namespace CallMonitor.Audio.Providers;

/// <summary>
/// A source of interleaved 32-bit float samples in [-1, 1] (NAudio's ISampleProvider, span-based).
/// <see cref="WaveFormat"/> is always IEEE float.
/// </summary>
public interface ISampleProvider
{
    WaveFormat WaveFormat { get; }

    /// <summary>Reads up to <c>buffer.Length</c> samples (a whole number of frames); 0 at the end of the audio.</summary>
    int Read(Span<float> buffer);
}
