using System.Buffers.Binary;
using System.Text;

namespace CallMonitor.Audio.Tests.Support;

/// <summary>
/// Builds WAV bytes chunk by chunk, independently of the product's writer, so tests can also build lying headers.
/// </summary>
internal sealed class WavBuilder
{
    private readonly List<(string Id, byte[] Body, uint? DeclaredSize)> chunks = [];

    public string RiffId { get; init; } = "RIFF";

    public string FormType { get; init; } = "WAVE";

    /// <summary>Overrides the RIFF size field (default: the true size).</summary>
    public uint? RiffSize { get; set; }

    public static byte[] FmtBody(int tag, int channels, int sampleRate, int bits, int? blockAlign = null, int? cbSize = null)
    {
        int align = blockAlign ?? (channels * ((bits + 7) / 8));
        var body = new byte[cbSize is null ? 16 : 18 + cbSize.Value];
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(align * sampleRate));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        if (cbSize is int cb)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), (ushort)cb);
        }

        return body;
    }

    /// <summary>A WAVE_FORMAT_EXTENSIBLE fmt body whose sub-format GUID is built from <paramref name="subTag"/>.</summary>
    public static byte[] ExtensibleFmtBody(int subTag, int channels, int sampleRate, int containerBits, int validBits, uint channelMask)
    {
        byte[] body = FmtBody(0xFFFE, channels, sampleRate, containerBits, cbSize: 22);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)validBits);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), channelMask);
        var guid = new Guid((uint)subTag, 0x0000, 0x0010, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71);
        guid.TryWriteBytes(body.AsSpan(24));
        return body;
    }

    public static WavBuilder Create(int tag, int channels, int sampleRate, int bits) =>
        new WavBuilder().Chunk("fmt ", FmtBody(tag, channels, sampleRate, bits));

    public WavBuilder Chunk(string id, byte[] body, uint? declaredSize = null)
    {
        chunks.Add((id, body, declaredSize));
        return this;
    }

    public WavBuilder Data(byte[] audio, uint? declaredSize = null) => Chunk("data", audio, declaredSize);

    public byte[] ToArray()
    {
        using var output = new MemoryStream();
        output.Write(Encoding.ASCII.GetBytes(RiffId));
        output.Write(new byte[4]);
        output.Write(Encoding.ASCII.GetBytes(FormType));
        foreach (var (id, body, declared) in chunks)
        {
            output.Write(Encoding.ASCII.GetBytes(id));
            var size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, declared ?? (uint)body.Length);
            output.Write(size);
            output.Write(body);
            if (body.Length % 2 == 1)
            {
                output.WriteByte(0); // RIFF pad byte after an odd-sized chunk
            }
        }

        byte[] bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), RiffSize ?? (uint)(bytes.Length - 8));
        return bytes;
    }
}
