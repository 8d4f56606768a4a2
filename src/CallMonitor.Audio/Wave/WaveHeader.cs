using CallMonitor.Audio.Formats;

namespace CallMonitor.Audio.Wave;

/// <summary>What the RIFF/RF64 header says, checked. The stream is left at the first data byte.</summary>
/// <param name="DataLength">Bytes of audio to read (whole frames), or null to read to the end of the stream.</param>
/// <param name="DeclaredDataLength">The data size the header declared (after ds64), before any correction.</param>
internal sealed record WaveHeader(
    WaveFormat Format,
    int ValidBitsPerSample,
    uint ChannelMask,
    long? DataLength,
    long DeclaredDataLength,
    bool IsRf64,
    bool HasPlaceholderSize,
    bool IsTruncated);
