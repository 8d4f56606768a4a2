using System.Buffers.Binary;
using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Providers;

namespace CallMonitor.Audio.Writers;

/// <summary>
/// Writes a RIFF/WAVE file as audio arrives: PCM 16-bit or IEEE float 32-bit (any rate, mono, stereo or more).
/// The header sizes are patched on <see cref="Flush"/> and <see cref="Dispose"/> when the stream can seek; on a
/// pipe they are left as the 0xFFFFFFFF streaming placeholder, which <see cref="Wave.WaveFileReader"/> reads to the end.
/// </summary>
public sealed class WaveFileWriter : IDisposable
{
    private const int PcmHeaderBytes = 44; // RIFF(12) + fmt(8+16) + data(8)
    private const int FloatHeaderBytes = 58; // RIFF(12) + fmt(8+18) + fact(8+4) + data(8)

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly long headerStart;
    private readonly int headerBytes;
    private byte[] encoded = [];
    private bool disposed;

    public WaveFileWriter(string path, WaveFormat format)
        : this(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 1 << 16), format, leaveOpen: false)
    {
    }

    public WaveFileWriter(Stream stream, WaveFormat format, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(format);
        if (!IsWritable(format))
        {
            throw new ArgumentException($"WaveFileWriter writes 16-bit PCM or 32-bit float, not {format}", nameof(format));
        }

        this.stream = stream;
        this.leaveOpen = leaveOpen;
        WaveFormat = format;
        headerStart = stream.CanSeek ? stream.Position : 0;
        headerBytes = format.Encoding == WaveFormatEncoding.Pcm ? PcmHeaderBytes : FloatHeaderBytes;
        WriteHeader(stream.CanSeek ? 0 : null);
    }

    public WaveFormat WaveFormat { get; }

    /// <summary>Audio bytes written so far.</summary>
    public long DataLength { get; private set; }

    public TimeSpan TotalTime => TimeSpan.FromSeconds((double)DataLength / WaveFormat.AverageBytesPerSecond);

    public static bool IsWritable(WaveFormat format) =>
        format is { Encoding: WaveFormatEncoding.Pcm, BitsPerSample: 16 } or { Encoding: WaveFormatEncoding.IeeeFloat, BitsPerSample: 32 };

    /// <summary>Writes encoded frames already in <see cref="WaveFormat"/>.</summary>
    public void Write(ReadOnlySpan<byte> frames)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (frames.Length % WaveFormat.BlockAlign != 0)
        {
            throw new ArgumentException($"{frames.Length} bytes is not a whole number of {WaveFormat.BlockAlign}-byte frames", nameof(frames));
        }

        if (DataLength + frames.Length > uint.MaxValue - headerBytes)
        {
            throw new IOException("the WAV file would pass 4 GiB, the most a RIFF header can describe; start a new file");
        }

        stream.Write(frames);
        DataLength += frames.Length;
    }

    /// <summary>Writes interleaved float samples (a whole number of frames), clamped to [-1, 1] and encoded.</summary>
    public void WriteSamples(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (samples.Length % WaveFormat.Channels != 0)
        {
            throw new ArgumentException($"{samples.Length} samples is not a whole number of {WaveFormat.Channels}-channel frames", nameof(samples));
        }

        int bytes = samples.Length * (WaveFormat.BitsPerSample / 8);
        if (encoded.Length < bytes)
        {
            encoded = new byte[bytes];
        }

        Span<byte> target = encoded.AsSpan(0, bytes);
        for (int i = 0; i < samples.Length; i++)
        {
            float value = float.IsNaN(samples[i]) ? 0f : Math.Clamp(samples[i], -1f, 1f);
            if (WaveFormat.Encoding == WaveFormatEncoding.Pcm)
            {
                BinaryPrimitives.WriteInt16LittleEndian(target[(2 * i)..], (short)Math.Clamp(MathF.Round(value * 32768f), -32768f, 32767f));
            }
            else
            {
                BinaryPrimitives.WriteSingleLittleEndian(target[(4 * i)..], value);
            }
        }

        Write(target);
    }

    /// <summary>Copies everything <paramref name="source"/> gives (it must be in <see cref="WaveFormat"/>'s channels and rate).</summary>
    public void WriteAll(ISampleProvider source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.WaveFormat.SampleRate != WaveFormat.SampleRate || source.WaveFormat.Channels != WaveFormat.Channels)
        {
            throw new ArgumentException($"source is {source.WaveFormat}, the file is {WaveFormat}", nameof(source));
        }

        var buffer = new float[4096 * WaveFormat.Channels];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            WriteSamples(buffer.AsSpan(0, read));
        }
    }

    /// <summary>Pushes data to the stream and, if it can seek, makes the header describe everything written so far.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (stream.CanSeek)
        {
            long end = stream.Position;
            stream.Position = headerStart;
            WriteHeader(DataLength);
            stream.Position = end;
        }

        stream.Flush();
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        Flush();
        disposed = true;
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }

    private void WriteHeader(long? dataLength)
    {
        WaveFormat f = WaveFormat;
        bool pcm = f.Encoding == WaveFormatEncoding.Pcm;
        Span<byte> h = stackalloc byte[headerBytes];
        uint riffSize = dataLength is long d ? (uint)(headerBytes - 8 + d) : uint.MaxValue;
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], riffSize);
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], pcm ? 16u : 18u);
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], (ushort)f.Encoding);
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], (ushort)f.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)f.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], (uint)f.AverageBytesPerSecond);
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], (ushort)f.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], (ushort)f.BitsPerSample);
        int at = 36;
        if (!pcm)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h[at..], 0); // cbSize
            "fact"u8.CopyTo(h[(at + 2)..]);
            BinaryPrimitives.WriteUInt32LittleEndian(h[(at + 6)..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(h[(at + 10)..], dataLength is long n ? (uint)(n / f.BlockAlign) : uint.MaxValue);
            at += 14;
        }

        "data"u8.CopyTo(h[at..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[(at + 4)..], dataLength is long len ? (uint)len : uint.MaxValue);
        stream.Write(h);
    }
}
