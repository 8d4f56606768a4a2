using System.Diagnostics;
using CallMonitor.Acoustics.Session;
using CallMonitor.Acoustics.Vad;
using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Providers;
using CallMonitor.Audio.Sources;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;

namespace CallMonitor.Acoustics.Analysis;

/// <summary>
/// Analyses a recorded call: decodes it block by block, splits the channels by role, resamples to 16 kHz and
/// feeds an <see cref="AcousticSession"/>, exactly as a live call would be fed. Never holds the whole file.
/// </summary>
public static class CallAudioAnalyzer
{
    private const int BlockFrames = 16000 / 5; // 200 ms of output per push

    public static AcousticAnalysis Analyze(
        AudioReader reader,
        string callId,
        ChannelLayout layout,
        VoiceActivityDetectorFactory detectors,
        AcousticOptions? options = null,
        IProgress<TimeSpan>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(detectors);
        var format = reader.WaveFormat;
        var wall = Stopwatch.StartNew();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;

        ISampleProvider samples = reader.ToSampleProvider();
        if (samples.WaveFormat.SampleRate != AcousticSession.SampleRate)
        {
            samples = new ResamplingSampleProvider(samples, AcousticSession.SampleRate);
        }

        var events = new List<CallEvent>();
        using var session = new AcousticSession(callId, layout, _ => detectors.Create(), options);
        var channels = samples.WaveFormat.Channels;
        var buffer = new float[BlockFrames * channels];
        long frames = 0;
        int read;
        while ((read = samples.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            session.PushInterleaved(buffer.AsSpan(0, read), channels);
            events.AddRange(session.TakeEvents());
            frames += read / channels;
            progress?.Report(session.Position);
        }

        session.Complete();
        events.AddRange(session.TakeEvents());
        var duration = TimeSpan.FromSeconds(frames / (double)AcousticSession.SampleRate);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
        return new AcousticAnalysis(
            callId,
            reader.SourceName,
            format.ToString(),
            layout,
            session.DetectorName,
            detectors.FallbackReason,
            duration,
            events.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToArray(),
            wall.Elapsed,
            cpuUsed);
    }
}
