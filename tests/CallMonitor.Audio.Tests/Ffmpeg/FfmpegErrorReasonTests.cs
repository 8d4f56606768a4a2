using CallMonitor.Audio.Ffmpeg;

namespace CallMonitor.Audio.Tests.Ffmpeg;

/// <summary>The one-line reason taken from ffmpeg's stderr (lines as ffmpeg 5-7 print them).</summary>
public class FfmpegErrorReasonTests
{
    [Test]
    public void Reason_InputPathPrefixed_DropsPathBecauseMessageNamesFile() =>
        Assert.That(
            FfmpegProcess.Reason(["/calls/a.wav: Invalid data found when processing input"], 1, "/calls/a.wav"),
            Is.EqualTo("Invalid data found when processing input"));

    [Test]
    public void Reason_DecoderLogPrefixAndTrailingNoise_TakesLastMeaningfulLine() =>
        Assert.That(
            FfmpegProcess.Reason(["[flac @ 0x55bfab799a00] invalid residual", "Error while decoding stream #0:0: Invalid data found when processing input", "Conversion failed!"], 69, "pipe:0"),
            Is.EqualTo("Error while decoding stream #0:0: Invalid data found when processing input"));

    [Test]
    public void Reason_MapMatchesNoStreams_SaysNoAudioStream() =>
        Assert.That(
            FfmpegProcess.Reason(["Stream map '0:a:0' matches no streams.", "To ignore this, add a trailing '?' to the map."], 1, "x.mp4"),
            Is.EqualTo("it has no audio stream"));

    [Test]
    public void Reason_Silent_SaysExitCode() =>
        Assert.That(FfmpegProcess.Reason([], 187, "x"), Does.Contain("187"));
}
