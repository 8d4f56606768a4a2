using System.Text;

namespace CallMonitor.Audio.Sources;

internal enum ContainerKind
{
    Wave,
    OtherAudio,
    NotAudio,
    Unknown,
}

/// <summary>Tells the container from its first bytes (magic numbers), before any decoder is chosen.</summary>
internal static class ContainerSniffer
{
    /// <summary>Bytes to peek: enough for every signature below and a fair look at text.</summary>
    public const int PeekBytes = 64;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (ContainerKind Kind, string Description) Sniff(ReadOnlySpan<byte> head)
    {
        if (StartsWith(head, "RIFF") || StartsWith(head, "RF64") || StartsWith(head, "BW64"))
        {
            return (ContainerKind.Wave, "WAV");
        }

        if (NotAudio(head) is string what)
        {
            return (ContainerKind.NotAudio, what);
        }

        if (OtherAudio(head) is string codec)
        {
            return (ContainerKind.OtherAudio, codec);
        }

        return LooksLikeText(head) ? (ContainerKind.NotAudio, "a text file") : (ContainerKind.Unknown, "an unrecognised format");
    }

    private static string? OtherAudio(ReadOnlySpan<byte> head)
    {
        if (StartsWith(head, "fLaC"))
        {
            return "FLAC";
        }

        if (StartsWith(head, "OggS"))
        {
            return "Ogg (Vorbis/Opus)";
        }

        if (StartsWith(head, "#!AMR"))
        {
            return "AMR";
        }

        if (StartsWith(head, "ID3") || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
        {
            return "MP3/AAC (MPEG audio)";
        }

        if (head.Length >= 8 && StartsWith(head[4..], "ftyp"))
        {
            return "MP4/M4A";
        }

        if (StartsWith(head, "FORM") && head.Length >= 12 && (StartsWith(head[8..], "AIFF") || StartsWith(head[8..], "AIFC")))
        {
            return "AIFF";
        }

        return StartsWith(head, "caff") ? "Core Audio (CAF)" : null;
    }

    private static string? NotAudio(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 0x89 && StartsWith(head[1..], "PNG"))
        {
            return "a PNG image";
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "a JPEG image";
        }

        if (StartsWith(head, "GIF8"))
        {
            return "a GIF image";
        }

        if (StartsWith(head, "%PDF"))
        {
            return "a PDF document";
        }

        if (StartsWith(head, "PK\u0003\u0004") || StartsWith(head, "PK\u0005\u0006"))
        {
            return "a ZIP archive (or an Office document)";
        }

        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return "a gzip archive";
        }

        if (StartsWith(head, "\u007FELF") || StartsWith(head, "MZ"))
        {
            return "an executable";
        }

        return null;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return false;
        }

        foreach (byte b in head)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r')
            {
                return false;
            }
        }

        // A multi-byte character may be cut at the end of the peek: allow up to 3 trailing bytes to be partial.
        for (int cut = 0; cut <= Math.Min(3, head.Length - 1); cut++)
        {
            try
            {
                _ = StrictUtf8.GetCharCount(head[..^cut]);
                return true;
            }
            catch (DecoderFallbackException)
            {
            }
        }

        return false;
    }

    private static bool StartsWith(ReadOnlySpan<byte> head, string ascii)
    {
        if (head.Length < ascii.Length)
        {
            return false;
        }

        for (int i = 0; i < ascii.Length; i++)
        {
            if (head[i] != ascii[i])
            {
                return false;
            }
        }

        return true;
    }
}
