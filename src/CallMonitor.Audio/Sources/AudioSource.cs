using CallMonitor.Audio.Errors;
using CallMonitor.Audio.Ffmpeg;
using CallMonitor.Audio.Raw;
using CallMonitor.Audio.Wave;

namespace CallMonitor.Audio.Sources;

/// <summary>
/// The one way in for recorded or streamed audio. With <see cref="AudioOpenOptions.RawFormat"/> the bytes are
/// headerless audio in that format. Otherwise the container is told by its magic bytes: RIFF/RF64/BW64 WAVE is
/// read in-process (<see cref="WaveFileReader"/>); recognisable non-audio (text, images, archives) is refused;
/// anything else goes to ffmpeg (<see cref="FfmpegAudioReader"/>). Errors are <see cref="CorruptAudioException"/>
/// or <see cref="UnsupportedAudioFormatException"/> whose message starts with the file name.
/// </summary>
public static class AudioSource
{
    /// <summary>Opens the file at <paramref name="path"/>; errors name the file (its name, without folders).</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    public static AudioReader Open(string path, AudioOpenOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string name = Path.GetFileName(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        try
        {
            if (options?.RawFormat is { } raw)
            {
                return new RawAudioReader(stream, raw, name);
            }

            Span<byte> head = stackalloc byte[ContainerSniffer.PeekBytes];
            int got = stream.ReadAtMost(head);
            stream.Position = 0;
            var (kind, description) = Classify(head[..got], name);
            if (kind == ContainerKind.Wave)
            {
                return new WaveFileReader(stream, name, options);
            }

            stream.Dispose();
            return FfmpegAudioReader.Open(Path.GetFullPath(path), name, description, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads audio from <paramref name="stream"/> (a pipe is fine). The caller keeps ownership of the stream and
    /// disposes it after the reader; <paramref name="sourceName"/> is what error messages call it.
    /// </summary>
    public static AudioReader Open(Stream stream, string sourceName, AudioOpenOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        if (options?.RawFormat is { } raw)
        {
            return new RawAudioReader(stream, raw, sourceName, leaveOpen: true);
        }

        long start = stream.CanSeek ? stream.Position : 0;
        Span<byte> head = stackalloc byte[ContainerSniffer.PeekBytes];
        int got = stream.ReadAtMost(head);
        var (kind, description) = Classify(head[..got], sourceName);

        // A seekable stream is rewound (so WAV sizes are checked against its length); a pipe replays the peeked bytes.
        Stream input = stream.CanSeek ? stream : new ReplayStream(head[..got], stream, leaveOpen: true);
        if (stream.CanSeek)
        {
            stream.Position = start;
        }

        return kind == ContainerKind.Wave
            ? new WaveFileReader(input, sourceName, options, leaveOpen: true)
            : FfmpegAudioReader.Open(input, sourceName, description, options);
    }

    private static (ContainerKind Kind, string Description) Classify(ReadOnlySpan<byte> head, string name)
    {
        if (head.IsEmpty)
        {
            throw new CorruptAudioException(name, "file is empty (0 bytes)");
        }

        var (kind, description) = ContainerSniffer.Sniff(head);
        if (kind == ContainerKind.NotAudio)
        {
            throw new CorruptAudioException(name, $"not audio: the bytes look like {description}");
        }

        return (kind, description);
    }
}
