namespace CallMonitor.Server.Audio;

/// <summary>How audio bytes arrive on the wire.</summary>
public enum WireEncoding
{
    /// <summary>16-bit signed little-endian PCM.</summary>
    Pcm16,

    /// <summary>G.711 mu-law, one byte per sample.</summary>
    MuLaw,

    /// <summary>G.711 A-law, one byte per sample.</summary>
    ALaw,
}
