namespace CallMonitor.Audio.Codecs;

/// <summary>
/// G.711 A-law (European and Chinese telephony): 8-bit companded code words to and from linear 16-bit PCM.
/// Decoding uses a 256-entry table built at start-up from the segment rule of ITU-T G.711 (even bits inverted).
/// </summary>
public static class ALawCodec
{
    private const int EvenBitMask = 0x55;

    private static readonly short[] DecodeTable = BuildDecodeTable();

    public static short Decode(byte code) => DecodeTable[code];

    public static void Decode(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (samples.Length < codes.Length)
        {
            throw new ArgumentException("the sample buffer is shorter than the code buffer", nameof(samples));
        }

        for (int i = 0; i < codes.Length; i++)
        {
            samples[i] = DecodeTable[codes[i]];
        }
    }

    public static byte Encode(short sample)
    {
        int value = sample;
        int sign = 0x80; // in A-law a set sign bit means positive
        if (value < 0)
        {
            sign = 0;
            value = Math.Min(-value, short.MaxValue);
        }

        int code;
        if (value < 256)
        {
            code = value >> 4; // segment 0 is linear, 16 units per step
        }
        else
        {
            int segment = 31 - int.LeadingZeroCount(value) - 7; // 1..7
            int mantissa = (value >> (segment + 3)) & 0x0F;
            code = (segment << 4) | mantissa;
        }

        return (byte)((sign | code) ^ EvenBitMask);
    }

    public static void Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if (codes.Length < samples.Length)
        {
            throw new ArgumentException("the code buffer is shorter than the sample buffer", nameof(codes));
        }

        for (int i = 0; i < samples.Length; i++)
        {
            codes[i] = Encode(samples[i]);
        }
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (int code = 0; code < 256; code++)
        {
            int value = code ^ EvenBitMask;
            int segment = (value >> 4) & 0x07;
            int mantissa = value & 0x0F;
            int magnitude = segment == 0
                ? (mantissa << 4) + 8
                : ((mantissa << 4) + 0x108) << (segment - 1);
            table[code] = (short)((value & 0x80) != 0 ? magnitude : -magnitude);
        }

        return table;
    }
}
