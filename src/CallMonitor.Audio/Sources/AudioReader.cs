using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Providers;

namespace CallMonitor.Audio.Sources;

/// <summary>
/// An opened audio input: encoded bytes in <see cref="WaveFormat"/>, read front to back, never loaded whole.
/// Read errors are <see cref="Errors.AudioException"/>s whose message starts with <see cref="SourceName"/>.
/// </summary>
public abstract class AudioReader : IWaveProvider, IDisposable
{
    private bool disposed;

    protected AudioReader(string sourceName, WaveFormat waveFormat)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ArgumentNullException.ThrowIfNull(waveFormat);
        SourceName = sourceName;
        WaveFormat = waveFormat;
    }

    /// <summary>The file name (or the caller's description of a stream) used in every error message.</summary>
    public string SourceName { get; }

    public WaveFormat WaveFormat { get; }

    /// <summary>Duration of the whole input when the container tells it; null for live or unsized streams.</summary>
    public abstract TimeSpan? TotalTime { get; }

    /// <summary>Frames (one sample of every channel) handed out so far.</summary>
    public long FramesRead { get; private set; }

    /// <summary>Audio time of the next frame <see cref="Read"/> returns.</summary>
    public TimeSpan CurrentTime => TimeSpan.FromSeconds((double)FramesRead / WaveFormat.SampleRate);

    /// <summary>Reads up to <c>buffer.Length</c> bytes, always a whole number of frames; 0 at the end.</summary>
    public int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        int whole = buffer.Length - (buffer.Length % WaveFormat.BlockAlign);
        if (whole == 0)
        {
            return 0;
        }

        int read = ReadFrames(buffer[..whole]);
        FramesRead += read / WaveFormat.BlockAlign;
        return read;
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            Dispose(true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Fills <paramref name="buffer"/> (a whole number of frames long) as far as the input allows.</summary>
    /// <returns>Bytes written, a multiple of the block align; 0 only at the end of the audio.</returns>
    protected abstract int ReadFrames(Span<byte> buffer);

    protected virtual void Dispose(bool disposing)
    {
    }
}
