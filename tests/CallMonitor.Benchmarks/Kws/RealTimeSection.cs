using CallMonitor.Benchmarks.Output;
using CallMonitor.Engines.SherpaOnnx.Kws;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>
/// Real-time factor of the spotter and how many channels one core keeps up with: K recognizers (streams of one
/// shared model) fed the same audio interleaved in 0.1 s pieces on ONE thread, K doubled and then bisected until
/// the thread's CPU time exceeds the audio's duration. Thread CPU time still grows when other processes load the
/// machine (shared caches, a busy host), so a step that fails is run once more and the better run kept; the load
/// average beside each row shows how busy the machine was.
/// </summary>
internal static class RealTimeSection
{
    private const int Piece = KeywordSpotterSettings.SampleRate / 10;

    public static void Run(KeywordSpotterEngine engine, float[] audio, TextWriter output)
    {
        var seconds = (double)audio.Length / KeywordSpotterSettings.SampleRate;
        output.WriteLine($"audio: {seconds:0.0} s of an agent channel per stream; {engine.Settings.Keywords.Count} keyword spellings; NumThreads {engine.Settings.NumThreads}");
        Step(engine, audio, 1, NewTable()); // warm-up: JIT and first-run allocations stay out of the figures
        var table = NewTable();
        var rss1 = CpuClock.Memory().Now;
        var best = 0;
        var worst = int.MaxValue;
        for (var k = 1; k < worst && worst - best > Math.Max(1, best / 8); k = worst == int.MaxValue ? k * 2 : (best + worst) / 2)
        {
            if (Step(engine, audio, k, table) || Step(engine, audio, k, table))
            {
                best = k;
            }
            else
            {
                worst = k;
            }
        }

        table.WriteTo(output);
        var rssMax = CpuClock.Memory().Now;
        var most = Math.Max(best, worst == int.MaxValue ? best : worst);
        if (most > 1)
        {
            output.WriteLine($"memory per stream: about {(rssMax - rss1) * 1024 / (most - 1):0} KiB (RSS growth from 1 to {most} streams)");
        }

        output.WriteLine(worst == int.MaxValue
            ? $"one core sustains at least {best} channels in real time"
            : $"one core sustains {best} channels in real time ({worst} do not)");
    }

    private static TextTable NewTable() =>
        new("streams K", "thread CPU s", "process CPU s", "wall s", "CPU/audio", "RTF per stream", "real time", "RSS MiB", "loadavg 1m");

    /// <summary>Feeds <paramref name="k"/> streams; false (and stops early) once CPU time passes the audio time.</summary>
    private static bool Step(KeywordSpotterEngine engine, float[] audio, int k, TextTable table)
    {
        var seconds = (double)audio.Length / KeywordSpotterSettings.SampleRate;
        var recognizers = Enumerable.Range(0, k).Select(i => engine.CreateRecognizer($"rt-{i}", Domain.Calls.SpeakerRole.Agent)).ToList();
        try
        {
            var thread0 = CpuClock.Thread();
            var process0 = CpuClock.Process();
            var wall = CpuClock.Wall();
            var fed = 0;
            var stopped = false;
            for (; fed < audio.Length && !stopped; fed += Piece)
            {
                var piece = audio.AsSpan(fed, Math.Min(Piece, audio.Length - fed));
                foreach (var recognizer in recognizers)
                {
                    recognizer.Accept(piece);
                }

                stopped = Used(thread0, process0) > seconds;
            }

            var cpu = Used(thread0, process0);
            var process = (CpuClock.Process() - process0).TotalSeconds;
            var fedSeconds = (double)Math.Min(fed, audio.Length) / KeywordSpotterSettings.SampleRate;
            var load = cpu / fedSeconds;
            var memory = CpuClock.Memory();
            table.Add(k, cpu, process, wall.Elapsed.TotalSeconds, load, $"{load / k:0.0000}", stopped ? $"no (stopped at {fedSeconds:0.0} s)" : load <= 1 ? "yes" : "no", memory.Now, CpuClock.LoadAverage());
            return !stopped && load <= 1;
        }
        finally
        {
            recognizers.ForEach(r => r.Dispose());
        }
    }

    private static double Used(TimeSpan? thread0, TimeSpan process0) =>
        thread0 is { } t && CpuClock.Thread() is { } now ? (now - t).TotalSeconds : (CpuClock.Process() - process0).TotalSeconds;
}
