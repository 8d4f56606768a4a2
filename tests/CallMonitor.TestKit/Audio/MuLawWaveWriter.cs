using System.Buffers.Binary;
using CallMonitor.Audio.Codecs;

namespace CallMonitor.TestKit.Audio;

/// <summary>Writes a whole G.711 mu-law WAV (format tag 7, 8 bits, with the fact chunk non-PCM formats carry).</summary>
internal static class MuLawWaveWriter
{
    private const int HeaderBytes = 58; // RIFF(12) + fmt(8+18) + fact(8+4) + data(8)

    public static void Write(Stream stream, ReadOnlySpan<float> interleaved, int sampleRate, int channels)
    {
        var data = new byte[interleaved.Length];
        for (var i = 0; i < data.Length; i++)
        {
            var value = Math.Clamp(float.IsNaN(interleaved[i]) ? 0f : interleaved[i], -1f, 1f);
            data[i] = MuLawCodec.Encode((short)Math.Clamp(MathF.Round(value * 32768f), -32768f, 32767f));
        }

        Span<byte> h = stackalloc byte[HeaderBytes];
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)(HeaderBytes - 8 + data.Length + (data.Length & 1)));
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], 18);
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], 7);
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], (uint)(sampleRate * channels));
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], (ushort)channels);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(h[36..], 0);
        "fact"u8.CopyTo(h[38..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[42..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(h[46..], (uint)(data.Length / channels));
        "data"u8.CopyTo(h[50..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[54..], (uint)data.Length);
        stream.Write(h);
        stream.Write(data);
        if ((data.Length & 1) == 1)
        {
            stream.WriteByte(0);
        }
    }
}
