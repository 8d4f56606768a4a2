namespace CallMonitor.Audio.Formats;

/// <summary>Sample encodings CallMonitor reads (the WAVE format tags, as NAudio names them).</summary>
#pragma warning disable CA1028 // the values are the 16-bit WAVE format tags
public enum WaveFormatEncoding : ushort
#pragma warning restore CA1028
{
    Pcm = 0x0001,
    IeeeFloat = 0x0003,
    ALaw = 0x0006,
    MuLaw = 0x0007,
    Extensible = 0xFFFE,
}
