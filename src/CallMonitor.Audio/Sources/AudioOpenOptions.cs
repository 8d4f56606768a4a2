using CallMonitor.Audio.Formats;

namespace CallMonitor.Audio.Sources;

/// <summary>How <see cref="AudioSource"/> opens an input.</summary>
public sealed record AudioOpenOptions
{
    /// <summary>
    /// Set for headerless input (raw PCM16, mu-law, A-law... as live calls send it): the bytes are taken as this
    /// format and no container detection happens.
    /// </summary>
    public WaveFormat? RawFormat { get; init; }

    /// <summary>The ffmpeg executable used for non-WAV containers; default: <c>ffmpeg</c> on PATH.</summary>
    public string? FfmpegPath { get; init; }

    /// <summary>
    /// When a WAV data chunk declares more bytes than the file holds (a cut-off copy), read what is there instead
    /// of failing with <see cref="Errors.CorruptAudioException"/>. The streaming-recorder convention (data size
    /// 0xFFFFFFFF, or 0 in an unfinished header) is always read to the end and needs no opt-in.
    /// </summary>
    public bool AcceptTruncatedData { get; init; }
}
