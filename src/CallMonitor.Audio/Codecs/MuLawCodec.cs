namespace CallMonitor.Audio.Codecs;

/// <summary>
/// G.711 mu-law (North America/Japan telephony): 8-bit companded code words to and from linear 16-bit PCM.
/// Decoding uses a 256-entry table built at start-up from the segment/quantisation rule of ITU-T G.711.
/// </summary>
public static class MuLawCodec
{
    private const int Bias = 0x84;
    private const int Clip = 32635;

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
        int sign = 0;
        if (value < 0)
        {
            sign = 0x80;
            value = -value;
        }

        value = Math.Min(value, Clip) + Bias;

        // Segment = position of the highest set bit above bit 7 (the bias guarantees bit 7 or higher is set).
        int segment = 31 - int.LeadingZeroCount(value) - 7;
        int mantissa = (value >> (segment + 3)) & 0x0F;
        return (byte)~(sign | (segment << 4) | mantissa);
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
            int inverted = ~code & 0xFF;
            int segment = (inverted >> 4) & 0x07;
            int mantissa = inverted & 0x0F;
            int magnitude = (((mantissa << 3) + Bias) << segment) - Bias;
            table[code] = (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
        }

        return table;
    }
}
