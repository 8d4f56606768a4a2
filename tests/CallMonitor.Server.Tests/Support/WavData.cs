using System.Buffers.Binary;
using System.Text;

namespace CallMonitor.Server.Tests.Support;

/// <summary>The raw bytes of a WAV file's data chunk and its format fields, as a client would send them.</summary>
public sealed record WavData(int FormatTag, int Channels, int SampleRate, int BitsPerSample, byte[] Data)
{
    public int BytesPerFrame => Channels * BitsPerSample / 8;

    public double Seconds => Data.Length / (double)(BytesPerFrame * SampleRate);

    public static WavData Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF" || Encoding.ASCII.GetString(bytes, 8, 4) != "WAVE")
        {
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file");
        }

        (int Tag, int Channels, int Rate, int Bits)? format = null;
        for (var at = 12; at + 8 <= bytes.Length;)
        {
            var id = Encoding.ASCII.GetString(bytes, at, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 4));
            var body = bytes.AsSpan(at + 8, Math.Min(size, bytes.Length - at - 8));
            if (id == "fmt ")
            {
                format = (BinaryPrimitives.ReadUInt16LittleEndian(body), BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
                    BinaryPrimitives.ReadInt32LittleEndian(body[4..]), BinaryPrimitives.ReadUInt16LittleEndian(body[14..]));
            }
            else if (id == "data" && format is { } f)
            {
                return new WavData(f.Tag, f.Channels, f.Rate, f.Bits, body.ToArray());
            }

            at += 8 + size + (size % 2);
        }

        throw new InvalidDataException($"{path} has no fmt chunk before its data chunk");
    }
}
