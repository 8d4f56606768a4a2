using System.Diagnostics;
using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Providers;
using CallMonitor.Audio.Sources;
using CallMonitor.Domain.Events;
using CallMonitor.Pipeline.Sessions;

namespace CallMonitor.Pipeline.Recordings;

/// <summary>
/// Runs a recorded call through a <see cref="CallPipeline"/> exactly as a live call would be: decoded block by block,
/// resampled to 16 kHz, fed as fast as the stages take it, events collected while they are produced. Never holds the
/// whole file. A call may also be a transcript alone (no audio): its events go through the same merge.
/// </summary>
public static class RecordingAnalyzer
{
    private const int BlockFrames = CallPipeline.SampleRate / 5; // 200 ms per write

    /// <summary>Analyses <paramref name="reader"/> (null: no audio) plus events supplied with the call.</summary>
    public static async Task<RecordingAnalysis> AnalyzeAsync(
        AudioReader? reader,
        CallPipelineOptions options,
        IReadOnlyList<CallEvent> supplied,
        string sourceName,
        IProgress<TimeSpan>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(supplied);
        var wall = Stopwatch.StartNew();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        if (reader is null)
        {
            options = options with { Detectors = null, Engines = [] };
        }

        var pipeline = CallPipeline.Start(options);
        await using (pipeline.ConfigureAwait(false))
        {
            var collected = CollectAsync(pipeline, cancellationToken);
            if (supplied.Count > 0)
            {
                await pipeline.AddEventsAsync(supplied, cancellationToken).ConfigureAwait(false);
            }

            var duration = reader is null
                ? TimeSpan.FromTicks(supplied.Select(e => e.Span.End.Ticks).DefaultIfEmpty(0).Max())
                : await FeedAsync(reader, pipeline, progress, cancellationToken).ConfigureAwait(false);
            await pipeline.CompleteAsync().ConfigureAwait(false);
            var events = await collected.ConfigureAwait(false);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
            return new RecordingAnalysis(
                options.CallId,
                sourceName,
                reader?.WaveFormat.ToString(),
                options.Layout,
                duration,
                [.. events.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End)],
                pipeline.Engines(),
                options.Detectors?.FallbackReason,
                wall.Elapsed,
                cpu);
        }
    }

    private static async Task<TimeSpan> FeedAsync(AudioReader reader, CallPipeline pipeline, IProgress<TimeSpan>? progress, CancellationToken cancellationToken)
    {
        ISampleProvider samples = reader.ToSampleProvider();
        if (samples.WaveFormat.SampleRate != CallPipeline.SampleRate)
        {
            samples = new ResamplingSampleProvider(samples, CallPipeline.SampleRate);
        }

        var channels = samples.WaveFormat.Channels;
        if (!pipeline.Layout.IsMono && channels < pipeline.Layout.Roles.Count)
        {
            throw new ArgumentException($"{reader.SourceName}: the channel layout '{pipeline.Layout}' needs {pipeline.Layout.Roles.Count} channels but the audio has {channels}");
        }

        var buffer = new float[BlockFrames * channels];
        long frames = 0;
        int read;
        while ((read = samples.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            read -= read % channels;
            await pipeline.WriteInterleavedAsync(buffer.AsMemory(0, read), channels, cancellationToken).ConfigureAwait(false);
            frames += read / channels;
            progress?.Report(TimeSpan.FromSeconds(frames / (double)CallPipeline.SampleRate));
        }

        return TimeSpan.FromSeconds(frames / (double)CallPipeline.SampleRate);
    }

    private static async Task<List<CallEvent>> CollectAsync(CallPipeline pipeline, CancellationToken cancellationToken)
    {
        var events = new List<CallEvent>();
        await foreach (var e in pipeline.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(e);
        }

        return events;
    }
}
