using System.Globalization;
using CallMonitor.Audio.Formats;

namespace CallMonitor.Cli.Infrastructure;

/// <summary>Parses <c>--raw ENCODING:RATE:CHANNELS</c>, e.g. <c>mulaw:8000:2</c>, <c>alaw:8000:1</c>, <c>pcm16:16000:1</c>.</summary>
public static class RawFormatParser
{
    public static WaveFormat Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length != 3
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rate) || rate is < 1000 or > 384000
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var channels) || channels is < 1 or > 32)
        {
            throw new UsageException($"--raw '{text}' is not ENCODING:RATE:CHANNELS (e.g. mulaw:8000:2, alaw:8000:1, pcm16:16000:1)");
        }

        return parts[0].ToUpperInvariant() switch
        {
            "MULAW" or "ULAW" or "PCMU" => WaveFormat.MuLaw(rate, channels),
            "ALAW" or "PCMA" => WaveFormat.ALaw(rate, channels),
            "PCM16" or "S16LE" => WaveFormat.Pcm16(rate, channels),
            "F32LE" or "FLOAT32" => WaveFormat.IeeeFloat(rate, channels),
            _ => throw new UsageException($"--raw encoding '{parts[0]}' is not one of mulaw, alaw, pcm16, f32le"),
        };
    }
}
