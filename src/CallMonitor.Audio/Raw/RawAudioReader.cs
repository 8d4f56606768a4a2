using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Sources;

namespace CallMonitor.Audio.Raw;

/// <summary>
/// Headerless audio bytes in a format the caller declares (NAudio's RawSourceWaveStream): what a live call sends,
/// e.g. 8 kHz A-law or 16 kHz PCM16. Reads to the end of the stream; a trailing partial frame is dropped.
/// </summary>
public sealed class RawAudioReader : AudioReader
{
    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly TimeSpan? totalTime;

    public RawAudioReader(Stream stream, WaveFormat format, string sourceName, bool leaveOpen = false)
        : base(sourceName, format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        if (stream.CanSeek)
        {
            long frames = Math.Max(0, stream.Length - stream.Position) / format.BlockAlign;
            totalTime = TimeSpan.FromSeconds((double)frames / format.SampleRate);
        }
    }

    /// <summary>Known for seekable streams (files); null for pipes and sockets.</summary>
    public override TimeSpan? TotalTime => totalTime;

    protected override int ReadFrames(Span<byte> buffer)
    {
        int blockAlign = WaveFormat.BlockAlign;
        int filled = 0;
        while (filled < buffer.Length && (filled == 0 || filled % blockAlign != 0))
        {
            int read = stream.Read(buffer[filled..]);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled - (filled % blockAlign);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
