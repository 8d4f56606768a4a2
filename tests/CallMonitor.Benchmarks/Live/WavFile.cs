using System.Buffers.Binary;

namespace CallMonitor.Benchmarks.Live;

/// <summary>The format fields and the raw sample bytes of a RIFF/WAVE file (PCM or G.711), as stored.</summary>
internal sealed record WavFile(int FormatTag, int Channels, int SampleRate, int BitsPerSample, byte[] Data)
{
    public const int Pcm = 1;
    public const int MuLaw = 7;

    public int BlockAlign => Channels * BitsPerSample / 8;

    /// <exception cref="InvalidDataException">Not a RIFF/WAVE file, or no fmt or data chunk.</exception>
    public static WavFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || !bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file");
        }

        (int Tag, int Channels, int Rate, int Bits)? format = null;
        for (var at = 12; at + 8 <= bytes.Length;)
        {
            var id = bytes.AsSpan(at, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4)), (uint)(bytes.Length - at - 8));
            var body = bytes.AsSpan(at + 8, size);
            if (id.SequenceEqual("fmt "u8) && size >= 16)
            {
                format = (BinaryPrimitives.ReadUInt16LittleEndian(body), BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
                    (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]), BinaryPrimitives.ReadUInt16LittleEndian(body[14..]));
            }
            else if (id.SequenceEqual("data"u8))
            {
                var f = format ?? throw new InvalidDataException($"{path}: data chunk before the fmt chunk");
                return new WavFile(f.Tag, f.Channels, f.Rate, f.Bits, body.ToArray());
            }

            at += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{path}: no data chunk");
    }
}
