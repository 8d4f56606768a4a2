using CallMonitor.Audio.Errors;
using CallMonitor.Audio.Sources;

namespace CallMonitor.Audio.Wave;

/// <summary>
/// Streams the audio of a RIFF/WAVE, RF64 or BW64 file: PCM 8 (unsigned)/16/24/32-bit, IEEE float 32/64, G.711
/// mu-law and A-law, plain or WAVE_FORMAT_EXTENSIBLE, any rate and channel count up to 32. Unknown chunks are
/// skipped. Only the header is read when it opens; audio is read as the caller asks, never the whole file.
/// See <see cref="HasPlaceholderSize"/> and <see cref="IsTruncated"/> for how odd data sizes are handled.
/// </summary>
public sealed class WaveFileReader : AudioReader
{
    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly long? dataLength;
    private readonly long declaredLength;
    private readonly bool acceptTruncated;
    private readonly TimeSpan? totalTime;
    private long dataRead;

    /// <summary>Opens a WAV file; the source name in errors is the file name.</summary>
    public WaveFileReader(string path, AudioOpenOptions? options = null)
        : this(OpenFile(path), Path.GetFileName(path), options, leaveOpen: false)
    {
    }

    /// <summary>Reads a WAV stream from its current position (a pipe is fine; seekable streams get more checks up front).</summary>
    public WaveFileReader(Stream stream, string sourceName, AudioOpenOptions? options = null, bool leaveOpen = false)
        : this(stream, sourceName, ParseHeader(stream, sourceName, options, leaveOpen), options, leaveOpen)
    {
    }

    private WaveFileReader(Stream stream, string sourceName, WaveHeader header, AudioOpenOptions? options, bool leaveOpen)
        : base(sourceName, header.Format)
    {
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        dataLength = header.DataLength;
        declaredLength = header.DeclaredDataLength;
        acceptTruncated = options?.AcceptTruncatedData ?? false;
        ValidBitsPerSample = header.ValidBitsPerSample;
        ChannelMask = header.ChannelMask;
        IsRf64 = header.IsRf64;
        HasPlaceholderSize = header.HasPlaceholderSize;
        IsTruncated = header.IsTruncated;

        long? frames = dataLength / WaveFormat.BlockAlign;
        if (frames is null && stream.CanSeek)
        {
            frames = (stream.Length - stream.Position) / WaveFormat.BlockAlign;
        }

        totalTime = frames is long f ? TimeSpan.FromSeconds((double)f / WaveFormat.SampleRate) : null;
    }

    /// <summary>Significant bits per sample (EXTENSIBLE's wValidBitsPerSample; else the sample size).</summary>
    public int ValidBitsPerSample { get; }

    /// <summary>EXTENSIBLE speaker-position mask; 0 when the file has none.</summary>
    public uint ChannelMask { get; }

    public bool IsRf64 { get; }

    /// <summary>
    /// True when the header's data size was a streaming recorder's placeholder (0xFFFFFFFF, or 0 in an unfinished
    /// header): the audio is read to the end of the stream.
    /// </summary>
    public bool HasPlaceholderSize { get; }

    /// <summary>True when the file is shorter than its data chunk and the caller accepted that.</summary>
    public bool IsTruncated { get; }

    /// <summary>Audio bytes to read (whole frames); null when read to the end of a stream of unknown length.</summary>
    public long? DataLength => dataLength;

    public override TimeSpan? TotalTime => totalTime;

    protected override int ReadFrames(Span<byte> buffer)
    {
        int blockAlign = WaveFormat.BlockAlign;
        if (dataLength is long length)
        {
            long left = length - dataRead;
            if (left < buffer.Length)
            {
                buffer = buffer[..(int)left];
            }
        }

        // Return as soon as whole frames are in hand, so a live pipe is not held up to fill a big buffer.
        int filled = 0;
        while (filled < buffer.Length && (filled == 0 || filled % blockAlign != 0))
        {
            int read = stream.Read(buffer[filled..]);
            if (read == 0)
            {
                OnEndOfStream(filled);
                break;
            }

            filled += read;
        }

        filled -= filled % blockAlign; // a trailing partial frame at the end of the stream is dropped
        dataRead += filled;
        return filled;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            stream.Dispose();
        }

        base.Dispose(disposing);
    }

    private void OnEndOfStream(int filled)
    {
        long reached = dataRead + filled;
        if (dataLength is long length && reached < length - (length % WaveFormat.BlockAlign) && !acceptTruncated)
        {
            throw new CorruptAudioException(SourceName, $"truncated: the stream ended after {reached} of the {declaredLength} data bytes its header declares");
        }
    }

    private static FileStream OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
    }

    private static WaveHeader ParseHeader(Stream stream, string sourceName, AudioOpenOptions? options, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        try
        {
            return WaveHeaderParser.Parse(stream, sourceName, options?.AcceptTruncatedData ?? false);
        }
        catch
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw;
        }
    }
}
