using CallMonitor.Acoustics.Rate;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.TestKit.Assets;
using CallMonitor.TestKit.Calls;

namespace CallMonitor.Acoustics.Tests.Rate;

/// <summary>Runs the estimator over real recordings and reports estimated against true rates.</summary>
internal static class RateMeasurement
{
    public static readonly SyllableRateEstimator Estimator = new();

    /// <summary>The voice bank (skips without shared/audio) once ffmpeg, which decodes its FLAC files, is known present.</summary>
    public static VoiceBank RequireRealAudio()
    {
        ExternalTools.RequireFfmpeg();
        return VoiceBank.Require();
    }

    /// <summary>Estimates of every true speech interval of <paramref name="role"/>, read back from the rendered file.</summary>
    public static List<(SampleSpan Span, SpeakingRateEstimate Estimate)> EstimateRole(RenderedCall call, SpeakerRole role)
    {
        if (call.Truth.SampleRate != SyllableRateEstimator.SampleRate)
        {
            throw new ArgumentException("rate measurement needs a 16 kHz rendering", nameof(call));
        }

        var track = call.ReadTrack16k(role);
        return call.Truth.SpeechOf(role)
            .Select(span => (span, Estimator.Estimate(track.AsSpan((int)span.Start, (int)span.Length))))
            .ToList();
    }

    /// <summary>Relative error of an estimated rate against the true one (+0.10 = reads 10 % high).</summary>
    public static double Error(double estimated, double truth) => (estimated / truth) - 1;

    public static void Print(string line) => TestContext.Out.WriteLine(line);
}
