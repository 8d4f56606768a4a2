using CallMonitor.Audio.Formats;

namespace CallMonitor.Audio.Providers;

/// <summary>A source of encoded audio bytes in a known <see cref="WaveFormat"/> (NAudio's IWaveProvider, span-based).</summary>
public interface IWaveProvider
{
    WaveFormat WaveFormat { get; }

    /// <summary>Reads up to <c>buffer.Length</c> bytes (a whole number of frames); 0 at the end of the audio.</summary>
    int Read(Span<byte> buffer);
}
