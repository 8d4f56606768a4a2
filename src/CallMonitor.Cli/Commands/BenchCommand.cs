using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CallMonitor.Acoustics.Analysis;
using CallMonitor.Acoustics.Session;
using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Providers;
using CallMonitor.Audio.Sources;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Domain.Calls;
using CallMonitor.Models;
using Spectre.Console;

namespace CallMonitor.Cli.Commands;

/// <summary>
/// <c>callmonitor bench acoustic</c>: throughput of decode, resample and voice-activity detection in multiples of
/// real time, per core (audio seconds per CPU second), with the input duration, CPU used and peak memory.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Recordings to run (default: the bundled sample call)", Arity = ArgumentArity.ZeroOrMore };
        var repeat = new Option<int>("--repeat") { Description = "Times to run each file per stage", DefaultValueFactory = _ => 10 };
        var vad = new Option<string>("--vad") { Description = "auto, silero or energy", DefaultValueFactory = _ => "auto" };
        var acoustic = new Command("acoustic", "Decode + resample + VAD throughput") { files, repeat, vad };
        acoustic.SetAction((parse, ct) => CommandRunner.RunAsync(
            token => Task.FromResult(RunAcoustic(parse.GetValue(files) ?? [], parse.GetValue(repeat), parse.GetValue(vad)!, token)),
            ct));
        var engineFiles = new Argument<string[]>("files") { Description = "Recordings to run (default: the bundled sample call)", Arity = ArgumentArity.ZeroOrMore };
        var engineList = new Option<string>("--engines") { Description = "auto (every installed engine) or a list such as vosk,kws", DefaultValueFactory = _ => "auto" };
        var engines = new Command("engines", "Speech engines: real-time factor per engine per channel, channels per core, and the whole pipeline") { engineFiles, engineList };
        engines.SetAction((parse, ct) => CommandRunner.RunAsync(
            token => EngineBench.RunAsync(DefaultFiles(parse.GetValue(engineFiles) ?? []), AnalyzeCommand.ParseEngines(parse.GetValue(engineList)!), token),
            ct));
        return new Command("bench", "Benchmarks that print measured figures") { acoustic, engines };
    }

    private static string[] DefaultFiles(string[] files)
    {
        if (files.Length > 0)
        {
            return files;
        }

        var root = RepositoryRoot.TryFind() ?? throw new UsageException("no files given and the sample call was not found");
        return [Path.Combine(root, "samples", "demo-call.wav")];
    }

    private static int RunAcoustic(string[] files, int repeat, string vad, CancellationToken token)
    {
        if (repeat is < 1 or > 10000)
        {
            throw new UsageException("--repeat must be between 1 and 10000");
        }

        files = DefaultFiles(files);
        var detectors = AnalysisRunner.CreateDetectors(vad);
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 150); // keep rows whole in logs and pipes
        var table = new Table().AddColumns("stage", "input", "channels", "audio s", "wall s", "CPU s", "x real time", "x real time per core", "peak MB");
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            AddRow(table, "decode", name, Measure(file, repeat, reader => Drain(reader.ToSampleProvider()), token));
            AddRow(table, "decode+resample 16k", name, Measure(file, repeat, reader => Drain(ToSixteenK(reader.ToSampleProvider())), token));
            AddRow(table, $"decode+resample+VAD ({detectors.DetectorName})", name, Measure(file, repeat, reader =>
            {
                var layout = reader.WaveFormat.Channels == 1 ? ChannelLayout.Mono : ChannelLayout.AgentCustomer;
                var analysis = CallAudioAnalyzer.Analyze(reader, "bench", layout, detectors, cancellationToken: token);
                return (analysis.Duration.TotalSeconds, layout.Roles.Count);
            }, token));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, $"[grey]{Environment.ProcessorCount} cores, {RuntimeInfo()}; single-threaded per call; x real time per core = audio seconds / CPU seconds[/]");
        return ExitCodes.Ok;
    }

    private static ISampleProvider ToSixteenK(ISampleProvider source) =>
        source.WaveFormat.SampleRate == AcousticSession.SampleRate ? source : new ResamplingSampleProvider(source, AcousticSession.SampleRate);

    private static (double AudioSeconds, int Channels) Drain(ISampleProvider provider)
    {
        var buffer = new float[8192 * provider.WaveFormat.Channels];
        long samples = 0;
        int read;
        while ((read = provider.Read(buffer)) > 0)
        {
            samples += read;
        }

        return (samples / (double)provider.WaveFormat.Channels / provider.WaveFormat.SampleRate, provider.WaveFormat.Channels);
    }

    private static Measurement Measure(string file, int repeat, Func<AudioReader, (double AudioSeconds, int Channels)> run, CancellationToken token)
    {
        // One warm-up run (JIT, model load) outside the measurement.
        using (var warm = AudioSource.Open(file))
        {
            run(warm);
        }

        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        double audio = 0;
        var channels = 0;
        for (var i = 0; i < repeat; i++)
        {
            token.ThrowIfCancellationRequested();
            using var reader = AudioSource.Open(file);
            (var seconds, channels) = run(reader);
            audio += seconds;
        }

        wall.Stop();
        process.Refresh();
        return new Measurement(audio, channels, wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu0).TotalSeconds, process.PeakWorkingSet64 / (1024.0 * 1024.0));
    }

    private static void AddRow(Table table, string stage, string input, Measurement m)
    {
        var c = CultureInfo.InvariantCulture;
        table.AddRow(
            Markup.Escape(stage),
            Markup.Escape(input),
            m.Channels.ToString(c),
            m.AudioSeconds.ToString("0.0", c),
            m.WallSeconds.ToString("0.000", c),
            m.CpuSeconds.ToString("0.000", c),
            (m.AudioSeconds / m.WallSeconds).ToString("0", c),
            (m.AudioSeconds / Math.Max(m.CpuSeconds, 1e-6)).ToString("0", c),
            m.PeakMegabytes.ToString("0", c));
        Console.Out.Flush();
    }

    private static string RuntimeInfo() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    private sealed record Measurement(double AudioSeconds, int Channels, double WallSeconds, double CpuSeconds, double PeakMegabytes);
}
