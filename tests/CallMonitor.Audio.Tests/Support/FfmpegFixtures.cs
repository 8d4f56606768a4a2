using System.Diagnostics;

namespace CallMonitor.Audio.Tests.Support;

/// <summary>Makes small encoded fixtures with the installed ffmpeg; tests that need it are skipped without it.</summary>
internal static class FfmpegFixtures
{
    public static void RequireFfmpeg()
    {
        if (!SharedAudio.FfmpegInstalled())
        {
            Assert.Ignore("ffmpeg is not installed (apt-get install ffmpeg): the ffmpeg decoding path cannot be exercised");
        }
    }

    /// <summary>Runs ffmpeg with <paramref name="args"/>; returns false (with stderr) when it fails, e.g. a missing encoder.</summary>
    public static bool Run(out string error, params string[] args)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { "-hide_banner", "-nostdin", "-loglevel", "error", "-y" }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            error = "ffmpeg timed out";
            return false;
        }

        error = stderr.Result;
        return process.ExitCode == 0;
    }

    /// <summary>Encodes <paramref name="seconds"/> of a sine tone to <paramref name="path"/> with the given codec arguments.</summary>
    public static void ToneOrIgnore(string path, double frequency, double seconds, int rate, params string[] codec)
    {
        string[] args = ["-f", "lavfi", "-i", $"sine=frequency={frequency}:sample_rate={rate}:duration={seconds}", .. codec, path];
        if (!Run(out string error, args))
        {
            Assert.Ignore($"this ffmpeg cannot make the fixture ({string.Join(' ', codec)}): {error.Trim()}");
        }
    }
}
