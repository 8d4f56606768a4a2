using System.Buffers.Binary;
using System.Text;
using CallMonitor.Audio.Errors;

namespace CallMonitor.Audio.Wave;

/// <summary>
/// Walks the chunks of a RIFF/WAVE or RF64/BW64 header up to the data chunk, never reading audio and never
/// allocating by a declared size. Data-size policy:
/// <list type="bullet">
/// <item>0xFFFFFFFF in a RIFF file (or in RF64 without a ds64 size), or 0 while the RIFF size also says the
/// header was never finished: a streaming recorder's placeholder; the audio runs to the end of the stream.</item>
/// <item>A size past the end of a seekable file: truncated, <see cref="CorruptAudioException"/> unless the caller
/// accepts truncated data, in which case what is there is read. On a pipe the same check happens while reading.</item>
/// <item>A size that is not a whole number of frames: the trailing partial frame is dropped.</item>
/// </list>
/// </summary>
internal static class WaveHeaderParser
{
    private const uint Placeholder = 0xFFFFFFFF;
    private const int MaxFmtBytes = 4096;

    public static WaveHeader Parse(Stream stream, string source, bool acceptTruncated)
    {
        Span<byte> riff = stackalloc byte[12];
        int got = stream.ReadAtMost(riff);
        if (got == 0)
        {
            throw new CorruptAudioException(source, "file is empty (0 bytes)");
        }

        string id = FourCc(riff);
        if (got < 12)
        {
            throw new CorruptAudioException(source, $"truncated header: only {got} bytes, a WAV header needs at least 44");
        }

        bool isRf64 = id is "RF64" or "BW64";
        if (id != "RIFF" && !isRf64)
        {
            throw new CorruptAudioException(source, $"not a WAV file (starts with '{Printable(riff[..4])}', expected 'RIFF' or 'RF64')");
        }

        if (FourCc(riff[8..]) != "WAVE")
        {
            throw new CorruptAudioException(source, $"RIFF file of type '{Printable(riff[8..])}', not WAVE audio");
        }

        uint riffSize = BinaryPrimitives.ReadUInt32LittleEndian(riff[4..]);
        long position = 12;
        long? ds64DataSize = null;
        WaveFmtChunk? fmt = null;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            got = stream.ReadAtMost(chunk);
            if (got < 8)
            {
                throw got == 0 && fmt is not null
                    ? new CorruptAudioException(source, "header only: no data chunk, the file holds no audio")
                    : got == 0
                        ? new CorruptAudioException(source, "truncated header: no fmt chunk before the end of the file")
                        : new CorruptAudioException(source, $"truncated header: chunk header cut off at byte {position + got}");
            }

            position += 8;
            string chunkId = FourCc(chunk);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            switch (chunkId)
            {
                case "ds64" when isRf64:
                    ds64DataSize = ReadDs64(stream, size, source);
                    position += size + (size & 1);
                    continue;
                case "fmt ":
                    fmt = ReadFmt(stream, size, source);
                    position += size + (size & 1);
                    continue;
                case "data":
                    if (fmt is null)
                    {
                        throw new CorruptAudioException(source, "data chunk comes before the fmt chunk, so its format is unknown");
                    }

                    return DataHeader(stream, source, acceptTruncated, fmt, size, riffSize, position, isRf64, ds64DataSize);
                default:
                    long padded = size + (long)(size & 1);
                    long skipped = stream.Skip(padded);
                    if (skipped < size)
                    {
                        throw new CorruptAudioException(
                            source,
                            fmt is null
                                ? $"truncated header: chunk '{Printable(chunk[..4])}' declares {size} bytes but the file ends first"
                                : $"no data chunk: chunk '{Printable(chunk[..4])}' declares {size} bytes but the file ends first");
                    }

                    position += padded;
                    continue;
            }
        }
    }

    private static WaveHeader DataHeader(
        Stream stream, string source, bool acceptTruncated, WaveFmtChunk fmt, uint size, uint riffSize, long dataStart, bool isRf64, long? ds64DataSize)
    {
        int blockAlign = fmt.Format.BlockAlign;
        long declared = isRf64 && size == Placeholder && ds64DataSize is long big ? big : size;
        bool placeholder = (size == Placeholder && !(isRf64 && ds64DataSize is not null))
            || (size == 0 && (riffSize is 0 or Placeholder || riffSize <= dataStart - 8));
        long? remaining = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;

        long? length;
        bool truncated = false;
        if (placeholder)
        {
            length = null;
            if (remaining < blockAlign)
            {
                throw new CorruptAudioException(source, "header only: the data chunk holds no audio");
            }
        }
        else if (remaining is long left && declared > left)
        {
            if (!acceptTruncated)
            {
                throw new CorruptAudioException(source, $"truncated: the data chunk declares {declared} bytes but only {left} follow");
            }

            length = left;
            truncated = true;
        }
        else
        {
            length = declared;
        }

        if (length is long known)
        {
            length = known - (known % blockAlign);
            if (length == 0)
            {
                throw new CorruptAudioException(source, "header only: the data chunk holds no audio");
            }
        }

        return new WaveHeader(fmt.Format, fmt.ValidBitsPerSample, fmt.ChannelMask, length, declared, isRf64, placeholder, truncated);
    }

    private static WaveFmtChunk ReadFmt(Stream stream, uint size, string source)
    {
        if (size > MaxFmtBytes)
        {
            throw new CorruptAudioException(source, $"fmt chunk declares {size} bytes, far more than any WAV format needs");
        }

        Span<byte> body = stackalloc byte[(int)size];
        if (stream.ReadAtMost(body) < size)
        {
            throw new CorruptAudioException(source, "truncated header: the fmt chunk is cut off");
        }

        stream.Skip(size & 1);
        return WaveFmtChunk.Parse(body, source);
    }

    private static long ReadDs64(Stream stream, uint size, string source)
    {
        if (size < 24 || size > MaxFmtBytes)
        {
            throw new CorruptAudioException(source, $"RF64 ds64 chunk declares {size} bytes; it needs 24 or more (plus a small table)");
        }

        Span<byte> body = stackalloc byte[24];
        if (stream.ReadAtMost(body) < 24 || stream.Skip(size - 24 + (size & 1)) < size - 24)
        {
            throw new CorruptAudioException(source, "truncated header: the RF64 ds64 chunk is cut off");
        }

        long dataSize = BinaryPrimitives.ReadInt64LittleEndian(body[8..]);
        if (dataSize < 0)
        {
            throw new CorruptAudioException(source, $"RF64 ds64 chunk declares a negative data size ({dataSize})");
        }

        return dataSize;
    }

    private static string FourCc(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes[..4]);

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(4);
        foreach (byte b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return text.ToString();
    }
}
