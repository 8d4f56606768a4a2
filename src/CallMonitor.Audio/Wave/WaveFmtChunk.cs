using System.Buffers.Binary;
using CallMonitor.Audio.Errors;
using CallMonitor.Audio.Formats;

namespace CallMonitor.Audio.Wave;

/// <summary>Parses and checks a <c>fmt </c> chunk, resolving WAVE_FORMAT_EXTENSIBLE to its sub-format.</summary>
internal sealed record WaveFmtChunk(WaveFormat Format, int ValidBitsPerSample, uint ChannelMask)
{
    internal const int MaxChannels = 32;
    internal const int MaxSampleRate = 768_000;

    // Bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID built from a WAVE format tag.
    private static readonly byte[] SubFormatBase = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    public static WaveFmtChunk Parse(ReadOnlySpan<byte> fmt, string source)
    {
        if (fmt.Length < 16)
        {
            throw new CorruptAudioException(source, $"fmt chunk is {fmt.Length} bytes, shorter than the 16 every WAV format needs");
        }

        int tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        int validBits = bits;
        uint channelMask = 0;

        if (channels == 0)
        {
            throw new CorruptAudioException(source, "fmt chunk declares 0 channels");
        }

        if (sampleRate == 0 || sampleRate > MaxSampleRate)
        {
            throw new CorruptAudioException(source, $"fmt chunk declares an impossible sample rate of {sampleRate} Hz");
        }

        if (tag == (int)WaveFormatEncoding.Extensible)
        {
            if (fmt.Length < 40)
            {
                throw new CorruptAudioException(source, $"WAVE_FORMAT_EXTENSIBLE fmt chunk is {fmt.Length} bytes, shorter than the 40 it needs");
            }

            validBits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[18..]);
            channelMask = BinaryPrimitives.ReadUInt32LittleEndian(fmt[20..]);
            ReadOnlySpan<byte> guid = fmt.Slice(24, 16);
            if (!guid[2..].SequenceEqual(SubFormatBase))
            {
                throw new UnsupportedAudioFormatException(source, $"WAVE_FORMAT_EXTENSIBLE sub-format {new Guid(guid)} is not a PCM-family format CallMonitor decodes");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(guid);
            if (validBits == 0)
            {
                validBits = bits;
            }
            else if (validBits > bits)
            {
                throw new CorruptAudioException(source, $"fmt chunk declares {validBits} valid bits in a {bits}-bit sample container");
            }
        }

        if (bits == 0)
        {
            throw new CorruptAudioException(source, "fmt chunk declares 0 bits per sample");
        }

        var encoding = (WaveFormatEncoding)tag;
        int containerBits = ContainerBits(encoding, bits, source, tag);
        if (channels > MaxChannels)
        {
            throw new UnsupportedAudioFormatException(source, $"{channels} channels (CallMonitor reads at most {MaxChannels})");
        }

        int expectedAlign = channels * containerBits / 8;
        if (blockAlign != expectedAlign)
        {
            throw new CorruptAudioException(source, $"fmt chunk block align {blockAlign} does not match {channels} channel(s) of {containerBits}-bit samples (expected {expectedAlign})");
        }

        var format = new WaveFormat(encoding, (int)sampleRate, channels, containerBits);
        return new WaveFmtChunk(format, Math.Min(validBits, containerBits), channelMask);
    }

    /// <summary>The sample container size for a supported encoding; odd PCM widths (12, 20) sit left-justified in whole bytes.</summary>
    private static int ContainerBits(WaveFormatEncoding encoding, int bits, string source, int tag)
    {
        switch (encoding)
        {
            case WaveFormatEncoding.Pcm when bits <= 32:
                return (bits + 7) / 8 * 8;
            case WaveFormatEncoding.Pcm:
                throw new UnsupportedAudioFormatException(source, $"{bits}-bit PCM (CallMonitor reads 8, 16, 24 and 32-bit PCM)");
            case WaveFormatEncoding.IeeeFloat when bits is 32 or 64:
                return bits;
            case WaveFormatEncoding.IeeeFloat:
                throw new CorruptAudioException(source, $"fmt chunk declares {bits}-bit IEEE float; only 32 and 64 exist");
            case WaveFormatEncoding.MuLaw or WaveFormatEncoding.ALaw when bits == 8:
                return 8;
            case WaveFormatEncoding.MuLaw or WaveFormatEncoding.ALaw:
                throw new CorruptAudioException(source, $"fmt chunk declares {bits}-bit G.711; G.711 samples are 8-bit");
            default:
                throw new UnsupportedAudioFormatException(source, $"{WaveFormatTags.Describe(tag)} is not supported; convert it to PCM first, e.g. `ffmpeg -i in.wav -c:a pcm_s16le out.wav`");
        }
    }
}
