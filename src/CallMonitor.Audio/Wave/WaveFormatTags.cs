namespace CallMonitor.Audio.Wave;

/// <summary>Names of WAVE format tags people meet in the wild, for error messages about the ones we do not decode.</summary>
internal static class WaveFormatTags
{
    public static string Describe(int tag) => tag switch
    {
        0x0001 => "PCM",
        0x0002 => "Microsoft ADPCM",
        0x0003 => "IEEE float",
        0x0006 => "A-law",
        0x0007 => "mu-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0050 => "MPEG audio",
        0x0055 => "MPEG Layer III (mp3)",
        0x0161 => "Windows Media Audio",
        _ => "unknown codec",
    } + $" (format tag 0x{tag:X4})";
}
