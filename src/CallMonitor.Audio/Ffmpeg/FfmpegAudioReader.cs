using System.Diagnostics;
using System.Globalization;
using CallMonitor.Audio.Errors;
using CallMonitor.Audio.Sources;
using CallMonitor.Audio.Wave;

namespace CallMonitor.Audio.Ffmpeg;

/// <summary>
/// Audio in containers CallMonitor does not parse itself (mp3, amr, ogg/opus, m4a, flac...), decoded by an ffmpeg
/// process to 32-bit float on a pipe and read incrementally: memory stays flat however long the input.
/// The format is the source's own rate and channel count; a decode failure surfaces as
/// <see cref="CorruptAudioException"/> carrying ffmpeg's last meaningful stderr line.
/// </summary>
public sealed class FfmpegAudioReader : AudioReader
{
    private readonly FfmpegProcess process;
    private readonly WaveFileReader decoded;
    private readonly TimeSpan? totalTime;
    private bool finished;

    private FfmpegAudioReader(string sourceName, string container, FfmpegProcess process, WaveFileReader decoded, TimeSpan? totalTime)
        : base(sourceName, decoded.WaveFormat)
    {
        Container = container;
        this.process = process;
        this.decoded = decoded;
        this.totalTime = totalTime;
    }

    /// <summary>What the input was recognised as (e.g. "FLAC"), or "an unrecognised format".</summary>
    public string Container { get; }

    /// <summary>From ffprobe for file inputs; null for streams or when ffprobe cannot tell.</summary>
    public override TimeSpan? TotalTime => totalTime;

    /// <summary>Decodes the file at <paramref name="path"/> (ffmpeg reads it directly, so seeking containers work).</summary>
    internal static FfmpegAudioReader Open(string path, string sourceName, string container, AudioOpenOptions? options) =>
        Start(path, null, sourceName, container, options);

    /// <summary>Decodes <paramref name="input"/> pumped through ffmpeg's stdin (MP4 with its index at the end needs a file).</summary>
    internal static FfmpegAudioReader Open(Stream input, string sourceName, string container, AudioOpenOptions? options) =>
        Start(null, input, sourceName, container, options);

    protected override int ReadFrames(Span<byte> buffer)
    {
        if (finished)
        {
            return 0;
        }

        int read = decoded.Read(buffer);
        if (read == 0)
        {
            finished = true;
            if (process.WaitForFailure(evenIfExitedCleanly: false) is string reason)
            {
                throw new CorruptAudioException(SourceName, $"ffmpeg could not decode it ({Container}): {reason}");
            }
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decoded.Dispose();
            process.Dispose();
        }

        base.Dispose(disposing);
    }

    private static FfmpegAudioReader Start(string? path, Stream? input, string sourceName, string container, AudioOpenOptions? options)
    {
        string ffmpeg = options?.FfmpegPath ?? "ffmpeg";
        var process = FfmpegProcess.Start(ffmpeg, path, input, sourceName, container);
        try
        {
            WaveFileReader decoded;
            try
            {
                decoded = new WaveFileReader(process.Output, sourceName, options: null, leaveOpen: true);
            }
            catch (CorruptAudioException e)
            {
                string reason = process.WaitForFailure(evenIfExitedCleanly: true) ?? e.Problem;
                throw new CorruptAudioException(sourceName, $"ffmpeg could not decode it ({container}): {reason}", e);
            }

            TimeSpan? total = path is null ? null : ProbeDuration(ffmpeg, path);
            return new FfmpegAudioReader(sourceName, container, process, decoded, total);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Asks ffprobe (beside ffmpeg) for the duration; any failure just means "unknown".</summary>
    private static TimeSpan? ProbeDuration(string ffmpeg, string path)
    {
        string directory = Path.GetDirectoryName(ffmpeg) ?? string.Empty;
        var info = new ProcessStartInfo(Path.Combine(directory, "ffprobe"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", path })
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var probe = Process.Start(info);
            if (probe is null)
            {
                return null;
            }

            probe.ErrorDataReceived += (_, _) => { };
            probe.BeginErrorReadLine();

            string text = probe.StandardOutput.ReadToEnd();
            probe.WaitForExit(10_000);
            return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
