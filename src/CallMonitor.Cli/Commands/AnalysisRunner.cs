using CallMonitor.Acoustics.Analysis;
using CallMonitor.Acoustics.Session;
using CallMonitor.Acoustics.Timeline;
using CallMonitor.Acoustics.Vad;
using CallMonitor.Audio.Sources;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Domain.Calls;
using CallMonitor.Reporting.Reports;

namespace CallMonitor.Cli.Commands;

/// <summary>Runs the analysis pipeline on one file; shared by <c>analyze</c>, <c>demo</c> and <c>bench</c>.</summary>
public static class AnalysisRunner
{
    public static CallReport Run(AnalysisRequest request, IProgress<TimeSpan>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = AudioSource.Open(request.Path, new AudioOpenOptions { RawFormat = request.RawFormat });
        var layout = request.Layout ?? (reader.WaveFormat.Channels == 1 ? ChannelLayout.Mono : ChannelLayout.AgentCustomer);
        if (!layout.IsMono && reader.WaveFormat.Channels < layout.Roles.Count)
        {
            throw new UsageException(
                $"{request.Path}: --channels {layout} needs a stereo recording but the audio has {reader.WaveFormat.Channels} channel; use --channels mono");
        }

        var detectors = CreateDetectors(request.Vad);
        var options = new AcousticOptions { Timeline = new TimelineOptions { MinSilence = request.MinSilence } };
        var callId = request.CallId ?? System.IO.Path.GetFileNameWithoutExtension(request.Path);
        var analysis = CallAudioAnalyzer.Analyze(reader, callId, layout, detectors, options, progress, cancellationToken);
        return CallReportFactory.FromAcoustics(analysis);
    }

    public static VoiceActivityDetectorFactory CreateDetectors(string vad)
    {
        var model = ModelLocator.SileroVadModel();
        switch (vad)
        {
            case "auto":
                return new VoiceActivityDetectorFactory(model);
            case "energy":
                return new VoiceActivityDetectorFactory(null, preferEnergy: true);
            case "silero":
                var silero = new VoiceActivityDetectorFactory(model);
                return silero.FallbackReason is null
                    ? silero
                    : throw new Domain.Errors.EngineUnavailableException("silero-vad-v5", silero.FallbackReason);
            default:
                throw new UsageException($"--vad '{vad}' is not one of auto, silero, energy");
        }
    }
}
