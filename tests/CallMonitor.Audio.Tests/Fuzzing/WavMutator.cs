using System.Buffers.Binary;

namespace CallMonitor.Audio.Tests.Fuzzing;

/// <summary>Seeded mutations of WAV bytes, from blind bit flips to aimed lies in the RIFF and fmt fields.</summary>
internal static class WavMutator
{
    private static readonly uint[] HostileSizes = [0, 1, 3, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFF0, 0x0FFFFFFF, 4_000_000_000];

    public const int Kinds = 10;

    /// <summary>A mutated copy of <paramref name="original"/>; <paramref name="kind"/> says which mutation.</summary>
    public static byte[] Mutate(byte[] original, Random rng, out string kind)
    {
        byte[] bytes = (byte[])original.Clone();
        if (bytes.Length < 16)
        {
            kind = "too short to mutate";
            return bytes;
        }

        int choice = rng.Next(Kinds);
        kind = choice switch
        {
            0 => FlipBits(bytes, rng),
            1 => SetRun(bytes, rng),
            2 => LieAboutChunkSize(bytes, rng),
            3 => BreakFmtField(bytes, rng),
            4 => BreakExtensible(bytes, rng),
            5 => RenameChunk(bytes, rng),
            _ => string.Empty,
        };
        return choice switch
        {
            6 => TruncateNearBoundary(bytes, rng, out kind),
            7 => DuplicateFmt(bytes, rng, out kind),
            8 => InsertChunk(bytes, rng, out kind),
            9 => Stack(bytes, rng, out kind),
            _ => bytes,
        };
    }

    private static string FlipBits(byte[] bytes, Random rng)
    {
        int flips = rng.Next(1, 9);
        for (int i = 0; i < flips; i++)
        {
            // Aim at the header most of the time: flips in the audio only change sample values.
            int limit = rng.Next(4) == 0 ? bytes.Length : Math.Min(bytes.Length, 80);
            bytes[rng.Next(limit)] ^= (byte)(1 << rng.Next(8));
        }

        return $"flip {flips} bits";
    }

    private static string SetRun(byte[] bytes, Random rng)
    {
        byte value = rng.Next(2) == 0 ? (byte)0x00 : (byte)0xFF;
        int start = rng.Next(Math.Min(bytes.Length, 80));
        int length = Math.Min(rng.Next(1, 17), bytes.Length - start);
        bytes.AsSpan(start, length).Fill(value);
        return $"run of {length} x 0x{value:X2} at {start}";
    }

    private static string LieAboutChunkSize(byte[] bytes, Random rng)
    {
        var chunks = RiffChunks.Walk(bytes);
        uint size = rng.Next(3) == 0 ? (uint)rng.Next() | 1u : HostileSizes[rng.Next(HostileSizes.Length)];
        int at = chunks.Count == 0 || rng.Next(5) == 0 ? 4 : chunks[rng.Next(chunks.Count)].Offset + 4;
        if (at + 4 > bytes.Length)
        {
            return "no size field in reach";
        }

        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), size);
        return $"size field at {at} = 0x{size:X8}";
    }

    private static string BreakFmtField(byte[] bytes, Random rng)
    {
        int fmt = RiffChunks.BodyOf(bytes, "fmt ");
        if (fmt < 0 || fmt + 16 > bytes.Length)
        {
            return "no fmt to break";
        }

        (int offset, uint[] values, int width) = rng.Next(6) switch
        {
            0 => (2, new uint[] { 0, 65535, 33, 3 }, 2), // channels
            1 => (4, new uint[] { 0, 1, 0x7FFFFFFF, 0xFFFFFFFF, 7 }, 4), // sample rate
            2 => (14, new uint[] { 0, 7, 64, 12, 65535, 1 }, 2), // bits per sample
            3 => (12, new uint[] { 0, 1, 3, 65535, 7 }, 2), // block align
            4 => (8, new uint[] { 0, 0xFFFFFFFF }, 4), // byte rate
            _ => (0, new uint[] { 0, 2, 0x55, 0xFFFE, 0xFFFF, 17 }, 2), // format tag
        };
        uint value = values[rng.Next(values.Length)];
        Write(bytes, fmt + offset, value, width);
        return $"fmt field +{offset} = {value}";
    }

    private static string BreakExtensible(byte[] bytes, Random rng)
    {
        int fmt = RiffChunks.BodyOf(bytes, "fmt ");
        if (fmt < 0 || fmt + 40 > bytes.Length || BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(fmt)) != 0xFFFE)
        {
            return SetRun(bytes, rng);
        }

        switch (rng.Next(4))
        {
            case 0:
                rng.NextBytes(bytes.AsSpan(fmt + 24, 16));
                return "extensible with random GUID";
            case 1:
                Write(bytes, fmt + 24, (uint)rng.Next(0x10000), 4);
                return "extensible with unknown sub-format tag";
            case 2:
                Write(bytes, fmt + 18, (uint)rng.Next(0x10000), 2);
                return "extensible with odd valid bits";
            default:
                Write(bytes, fmt + 16, (uint)rng.Next(0x10000), 2);
                return "extensible with odd cbSize";
        }
    }

    private static string RenameChunk(byte[] bytes, Random rng)
    {
        var chunks = RiffChunks.Walk(bytes);
        if (chunks.Count == 0)
        {
            return "no chunk to rename";
        }

        var chunk = chunks[rng.Next(chunks.Count)];
        "junk"u8.CopyTo(bytes.AsSpan(chunk.Offset));
        return $"chunk '{chunk.Id}' renamed (missing {chunk.Id.Trim()})";
    }

    private static byte[] TruncateNearBoundary(byte[] bytes, Random rng, out string kind)
    {
        var boundaries = RiffChunks.Walk(bytes).SelectMany(c => new[] { c.Offset, c.Offset + 8 }).Append(0).Append(12).ToList();
        int at = Math.Clamp(boundaries[rng.Next(boundaries.Count)] + rng.Next(-2, 9), 0, bytes.Length);
        kind = $"truncated to {at} bytes";
        return bytes[..at];
    }

    private static byte[] DuplicateFmt(byte[] bytes, Random rng, out string kind)
    {
        var fmt = RiffChunks.Walk(bytes).FirstOrDefault(c => c.Id == "fmt ");
        if (fmt.Id is null || fmt.Offset + 8 + fmt.Size > bytes.Length)
        {
            kind = "no fmt to duplicate";
            return bytes;
        }

        byte[] copy = bytes.AsSpan(fmt.Offset, 8 + (int)fmt.Size).ToArray();
        Write(copy, 8 + 2, (uint)rng.Next(1, 40), 2); // a second fmt that disagrees on channels
        int end = fmt.Offset + 8 + (int)fmt.Size;
        kind = "duplicate fmt with other channel count";
        return [.. bytes.AsSpan(0, end), .. copy, .. bytes.AsSpan(end)];
    }

    private static byte[] InsertChunk(byte[] bytes, Random rng, out string kind)
    {
        var body = new byte[rng.Next(0, 40)];
        rng.NextBytes(body);
        uint declared = rng.Next(2) == 0 ? (uint)body.Length : HostileSizes[rng.Next(HostileSizes.Length)];
        byte[] header = [(byte)'x', (byte)'t', (byte)'r', (byte)'a', 0, 0, 0, 0];
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), declared);
        int at = Math.Min(12, bytes.Length);
        kind = $"extra chunk of {body.Length} bytes declaring 0x{declared:X8}";
        return [.. bytes.AsSpan(0, at), .. header, .. body, .. bytes.AsSpan(at)];
    }

    private static byte[] Stack(byte[] bytes, Random rng, out string kind)
    {
        byte[] once = Mutate(bytes, rng, out string first);
        byte[] twice = Mutate(once, rng, out string second);
        kind = $"{first}; then {second}";
        return twice;
    }

    private static void Write(byte[] bytes, int offset, uint value, int width)
    {
        if (offset + width > bytes.Length)
        {
            return;
        }

        if (width == 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);
        }
    }
}
