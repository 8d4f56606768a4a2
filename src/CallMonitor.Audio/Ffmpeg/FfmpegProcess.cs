using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using CallMonitor.Audio.Errors;

namespace CallMonitor.Audio.Ffmpeg;

/// <summary>
/// One ffmpeg run that decodes an input (a file path, or bytes pumped into its stdin) to float WAV on stdout.
/// Keeps only the last lines of stderr, for the one-line reason when decoding fails.
/// </summary>
internal sealed partial class FfmpegProcess : IDisposable
{
    public const string InstallHint = "install it with `apt-get install ffmpeg` (or set AudioOpenOptions.FfmpegPath)";

    private const int KeptErrorLines = 16;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly Queue<string> errorTail = new();
    private readonly string inputName;

    private FfmpegProcess(Process process, Stream? input, string inputName)
    {
        this.process = process;
        this.inputName = inputName;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lock (errorTail)
                {
                    errorTail.Enqueue(line);
                    if (errorTail.Count > KeptErrorLines)
                    {
                        errorTail.Dequeue();
                    }
                }
            }
        };
        process.BeginErrorReadLine();
        if (input is not null)
        {
            Stream stdin = process.StandardInput.BaseStream;
            _ = Task.Run(() => Pump(input, stdin));
        }
    }

    public Stream Output => process.StandardOutput.BaseStream;

    /// <summary>Starts ffmpeg on <paramref name="path"/>, or on <paramref name="input"/> through stdin when path is null.</summary>
    public static FfmpegProcess Start(string ffmpeg, string? path, Stream? input, string source, string container)
    {
        var info = new ProcessStartInfo(ffmpeg)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = path is null,
            CreateNoWindow = true,
        };
        foreach (string arg in new[] { "-hide_banner", "-loglevel", "error" })
        {
            info.ArgumentList.Add(arg);
        }

        if (path is not null)
        {
            info.ArgumentList.Add("-nostdin");
        }

        foreach (string arg in new[] { "-i", path ?? "pipe:0", "-map", "0:a:0", "-vn", "-c:a", "pcm_f32le", "-f", "wav", "pipe:1" })
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            var process = Process.Start(info)
                ?? throw new UnsupportedAudioFormatException(source, $"{container} needs ffmpeg, which did not start; {InstallHint}");
            return new FfmpegProcess(process, input, path ?? "pipe:0");
        }
        catch (Win32Exception e)
        {
            throw new UnsupportedAudioFormatException(source, $"{container} needs ffmpeg to decode, but '{ffmpeg}' was not found; {InstallHint}", e);
        }
    }

    /// <summary>Waits for ffmpeg to finish; returns the one-line reason when it failed, else null.</summary>
    public string? WaitForFailure(bool evenIfExitedCleanly)
    {
        if (!process.WaitForExit(ExitWait))
        {
            return "ffmpeg did not finish after its output ended";
        }

        process.WaitForExit(); // flushes the asynchronous stderr reader
        if (process.ExitCode == 0 && !evenIfExitedCleanly)
        {
            return null;
        }

        string[] lines;
        lock (errorTail)
        {
            lines = [.. errorTail];
        }

        return Reason(lines, process.ExitCode, inputName);
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(ExitWait);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        process.Dispose();

        // The stdin pump is not awaited: it may sit in a read of the caller's stream, and ends by itself once ffmpeg's
        // stdin is gone (write fails) or the caller disposes that stream.
    }

    /// <summary>The last line of ffmpeg's stderr that says what went wrong, without log prefixes or hints.</summary>
    internal static string Reason(IReadOnlyList<string> lines, int exitCode, string inputName)
    {
        for (int i = lines.Count - 1; i >= 0; i--)
        {
            string line = LogPrefix().Replace(lines[i], string.Empty).Trim();
            if (line.Length == 0 || line.StartsWith("To ignore this", StringComparison.Ordinal) || line == "Conversion failed!")
            {
                continue;
            }

            if (line.Contains("matches no streams", StringComparison.Ordinal))
            {
                return "it has no audio stream";
            }

            // ffmpeg names the input path first; the exception already names the source.
            string namePrefix = inputName + ": ";
            return line.StartsWith(namePrefix, StringComparison.Ordinal) ? line[namePrefix.Length..] : line;
        }

        return $"ffmpeg exited with code {exitCode} and said nothing";
    }

    private static void Pump(Stream input, Stream stdin)
    {
        try
        {
            input.CopyTo(stdin, 1 << 16);
        }
        catch (IOException)
        {
            // ffmpeg stopped reading (finished, failed, or killed): nothing more to give it.
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            try
            {
                stdin.Dispose();
            }
            catch (IOException)
            {
            }
        }
    }

    [GeneratedRegex(@"^\[[^\]]*@ 0x[0-9a-f]+\]\s*")]
    private static partial Regex LogPrefix();
}
