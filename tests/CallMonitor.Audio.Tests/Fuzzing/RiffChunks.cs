using System.Buffers.Binary;

namespace CallMonitor.Audio.Tests.Fuzzing;

/// <summary>Walks the chunk list of RIFF bytes without trusting it, so mutators can aim at real fields.</summary>
internal static class RiffChunks
{
    /// <summary>Offsets of the chunk headers after the 12-byte RIFF header, as far as the declared sizes allow.</summary>
    public static List<(int Offset, string Id, uint Size)> Walk(byte[] bytes)
    {
        var chunks = new List<(int Offset, string Id, uint Size)>();
        long offset = 12;
        while (offset + 8 <= bytes.Length && chunks.Count < 64)
        {
            int at = (int)offset;
            string id = System.Text.Encoding.ASCII.GetString(bytes, at, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4));
            chunks.Add((at, id, size));
            offset += 8L + size + (size & 1);
        }

        return chunks;
    }

    /// <summary>Offset of the body of the first chunk named <paramref name="id"/>, or -1.</summary>
    public static int BodyOf(byte[] bytes, string id)
    {
        foreach (var chunk in Walk(bytes))
        {
            if (chunk.Id == id)
            {
                return chunk.Offset + 8;
            }
        }

        return -1;
    }
}
