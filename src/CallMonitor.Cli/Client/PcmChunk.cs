namespace CallMonitor.Cli.Client;

/// <summary>Interleaved PCM16 little-endian frames covering <paramref name="Start"/> to <paramref name="End"/> of the call's audio.</summary>
public sealed record PcmChunk(byte[] Data, TimeSpan Start, TimeSpan End);
