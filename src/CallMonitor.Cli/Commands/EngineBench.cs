using System.Diagnostics;
using System.Globalization;
using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Providers;
using CallMonitor.Audio.Sources;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.Hosting.Engines;
using CallMonitor.Pipeline.Recordings;
using CallMonitor.Pipeline.Sessions;
using CallMonitor.Speech.Engines;
using Spectre.Console;

namespace CallMonitor.Cli.Commands;

/// <summary>
/// <c>callmonitor bench engines</c>: each speech engine alone on each channel (one thread: real-time factor = CPU
/// seconds per audio second, and the channels one core can keep up with = its inverse), then the whole pipeline with
/// every engine on every channel concurrently (wall-clock multiples of real time on this machine).
/// </summary>
internal static class EngineBench
{
    private const int Block = 3200; // 200 ms at 16 kHz, as the pipeline feeds

    public static async Task<int> RunAsync(string[] files, IReadOnlyList<string> engineNames, CancellationToken token)
    {
        using var selection = SpeechEngineCatalog.Open(engineNames, RulePack.Default);
        foreach (var missing in selection.Unavailable)
        {
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, $"[yellow]{Markup.Escape(missing.Name)} not measured: {Markup.Escape(missing.Error ?? "unavailable")}[/]");
        }

        if (selection.Engines.Count == 0)
        {
            throw new UsageException("no speech engine could start; see `./callmonitor doctor`");
        }

        var c = CultureInfo.InvariantCulture;
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 150);
        var table = new Table().AddColumns("engine", "input", "channel", "audio s", "CPU s", "real-time factor", "channels per core", "events");
        var pipelineTable = new Table().AddColumns("pipeline (VAD + all engines, all channels)", "input", "audio s", "wall s", "CPU s", "x real time (wall)", "peak MB");
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var (layout, tracks) = ReadTracks(file);
            foreach (var engine in selection.Engines)
            {
                for (var r = 0; r < layout.Roles.Count; r++)
                {
                    var (cpu, events) = RunAlone(engine, layout.Roles[r], tracks[r], token);
                    var audio = tracks[r].Length / (double)CallPipeline.SampleRate;
                    table.AddRow(engine.Name, Markup.Escape(name), layout.Roles[r].ToWireName(), audio.ToString("0.0", c), cpu.ToString("0.000", c),
                        (cpu / audio).ToString("0.000", c), (audio / cpu).ToString("0.0", c), events.ToString(c));
                }
            }

            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            using var reader = AudioSource.Open(file);
            var options = new CallPipelineOptions
            {
                CallId = "bench",
                Layout = layout,
                Detectors = AnalysisRunner.CreateDetectors("auto"),
                Engines = selection.Engines,
            };
            var analysis = await RecordingAnalyzer.AnalyzeAsync(reader, options, [], file, cancellationToken: token).ConfigureAwait(false);
            process.Refresh();
            var used = (process.TotalProcessorTime - cpu0).TotalSeconds;
            pipelineTable.AddRow(string.Join('+', analysis.Engines.Select(e => e.Name)), Markup.Escape(name), analysis.Duration.TotalSeconds.ToString("0.0", c),
                analysis.WallTime.TotalSeconds.ToString("0.000", c), used.ToString("0.000", c),
                (analysis.Duration.TotalSeconds / analysis.WallTime.TotalSeconds).ToString("0.0", c), (process.PeakWorkingSet64 / 1048576.0).ToString("0", c));
        }

        AnsiConsole.Write(table);
        AnsiConsole.Write(pipelineTable);
        AnsiConsole.MarkupLine(c, $"[grey]{Environment.ProcessorCount} cores; engines alone: one thread, 200 ms blocks, model loaded before timing; channels per core = audio s / CPU s[/]");
        return ExitCodes.Ok;
    }

    private static (ChannelLayout Layout, float[][] Tracks) ReadTracks(string file)
    {
        using var reader = AudioSource.Open(file);
        ISampleProvider samples = reader.ToSampleProvider();
        if (samples.WaveFormat.SampleRate != CallPipeline.SampleRate)
        {
            samples = new ResamplingSampleProvider(samples, CallPipeline.SampleRate);
        }

        var channels = samples.WaveFormat.Channels;
        var layout = channels == 1 ? ChannelLayout.Mono : ChannelLayout.AgentCustomer;
        var tracks = Enumerable.Range(0, layout.Roles.Count).Select(_ => new List<float>()).ToArray();
        var buffer = new float[Block * channels];
        int read;
        while ((read = samples.Read(buffer)) > 0)
        {
            for (var i = 0; i + channels <= read; i += channels)
            {
                for (var r = 0; r < tracks.Length; r++)
                {
                    tracks[r].Add(buffer[i + r]);
                }
            }
        }

        return (layout, [.. tracks.Select(t => t.ToArray())]);
    }

    private static (double CpuSeconds, int Events) RunAlone(ISpeechEngine engine, SpeakerRole role, float[] track, CancellationToken token)
    {
        using var recognizer = engine.CreateRecognizer("bench", role);
        var events = 0;
        var thread = Process.GetCurrentProcess();
        var cpu0 = thread.TotalProcessorTime;
        for (var at = 0; at < track.Length; at += Block)
        {
            token.ThrowIfCancellationRequested();
            recognizer.Accept(track.AsSpan(at, Math.Min(Block, track.Length - at)));
            events += recognizer.TakeEvents().Count;
        }

        recognizer.Complete();
        events += recognizer.TakeEvents().Count;
        thread.Refresh();
        return ((thread.TotalProcessorTime - cpu0).TotalSeconds, events);
    }
}
