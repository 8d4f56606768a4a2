using CallMonitor.Benchmarks.Cli;
using CallMonitor.Benchmarks.Live;

namespace CallMonitor.Benchmarks.Load;

/// <summary>What <c>callmonitor-bench load</c> runs: the nodes, the ramp (or the soak), how long, and the bounds.</summary>
internal sealed record LoadBenchOptions
{
    public const string Usage = """
        usage: callmonitor-bench load [options]
          --nodes N          `callmonitor serve` nodes sharing one Redis stream and one PostgreSQL store (default 2)
          --calls LIST       concurrent calls per step, comma-separated, spread round-robin over the nodes
                             (default 8,16,24,32; with --soak a single N, default 8)
          --minutes M        how long each step streams (default 5; with --soak 30)
          --seconds S        the same in seconds (for short checks; wins over --minutes)
          --call-seconds C   audio of one call (default 60): each of the N streams places one call after the other
                             (the calls loop over the rendered audio) until the step's time is up
          --stagger S        first call starts spread over this many seconds (default 5)
          --audios N         distinct rendered calls the streams cycle through (default 4)
          --engines LIST     the nodes' --engines (default kws)
          --late-bound S     an event is late at a subscriber when it arrives more than S seconds after the agent's
                             own stream got it (default 10)
          --drain-bound S    longest wait from a call's last chunk to its report for the call to hold (default 3)
          --soak             one step at one N, RSS of every node sampled every --sample-seconds; prints the series,
                             the slope of its second half and whether memory is flat
          --sample-seconds S RSS series interval of the soak (default 30)
          --flat-bound R     the soak calls memory flat when the second half rises less than R MiB per 10 min on
                             every node (default 2)
          --keep-going       run every step (default: stop after the first step that loses real time)
          --callmonitor DLL  the service assembly to start (default: callmonitor.dll beside the benchmark)
          --seed S           seed of the calls' filler words, answers and phrase order (default 1)
          --json FILE        also write the figures as JSON
          --model DIR        KWS model folder, used to pick the phrases it can spell (default as for kws)
          --shared DIR       the shared folder with audio/ (default: CALLMONITOR_SHARED or ../shared)
        """;

    private static readonly IReadOnlySet<string> FlagNames = new HashSet<string>(StringComparer.Ordinal) { "--soak", "--keep-going" };

    public int Nodes { get; init; } = 2;

    public IReadOnlyList<int> Steps { get; init; } = [8, 16, 24, 32];

    /// <summary>How long each step streams, seconds.</summary>
    public double StepSeconds { get; init; } = 300;

    public double CallSeconds { get; init; } = 60;

    public double StaggerSeconds { get; init; } = 5;

    public int Audios { get; init; } = 4;

    public string Engines { get; init; } = "kws";

    public double LateBound { get; init; } = 10;

    public double DrainBound { get; init; } = 3;

    public bool Soak { get; init; }

    public double SampleSeconds { get; init; } = 30;

    public double FlatBound { get; init; } = 2;

    public bool KeepGoing { get; init; }

    public string? CallMonitorDll { get; init; }

    public int Seed { get; init; } = 1;

    public string? JsonPath { get; init; }

    public string? ModelDirectory { get; init; }

    public string? SharedDirectory { get; init; }

    /// <summary>The corpus options of the live benchmark, which renders the calls.</summary>
    public LiveBenchOptions Corpus => new()
    {
        Seconds = CallSeconds,
        Audios = Audios,
        Seed = Seed,
        ModelDirectory = ModelDirectory,
        SharedDirectory = SharedDirectory,
    };

    /// <exception cref="BenchUsageException">An unknown option or a value out of range.</exception>
    public static LoadBenchOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args, FlagNames);
        var soak = reader.Flag("--soak");
        var steps = reader.Numbers("--calls", soak ? [8] : [8, 16, 24, 32], 1, 500);
        if (steps.Any(s => s != Math.Floor(s)))
        {
            throw new BenchUsageException("--calls takes whole numbers, e.g. 8,16,24");
        }

        if (soak && steps.Count != 1)
        {
            throw new BenchUsageException("--soak runs one step: give one --calls N (the rated load found by a ramp)");
        }

        var minutes = reader.Number("--minutes", soak ? 30 : 5, 0.1, 600);
        var seconds = reader.Text("--seconds") is null ? minutes * 60 : reader.Number("--seconds", 0, 10, 36000);
        var options = new LoadBenchOptions
        {
            Nodes = reader.Int("--nodes", 2, 1, 8),
            Steps = [.. steps.Select(s => (int)s)],
            StepSeconds = seconds,
            CallSeconds = Math.Min(reader.Number("--call-seconds", 60, 10, 3600), seconds),
            StaggerSeconds = reader.Number("--stagger", 5, 0, 600),
            Audios = reader.Int("--audios", 4, 1, 50),
            Engines = reader.Text("--engines") ?? "kws",
            LateBound = reader.Number("--late-bound", 10, 0.01, 600),
            DrainBound = reader.Number("--drain-bound", 3, 0, 600),
            Soak = soak,
            SampleSeconds = reader.Number("--sample-seconds", 30, 1, 3600),
            FlatBound = reader.Number("--flat-bound", 2, 0, 10000),
            KeepGoing = reader.Flag("--keep-going"),
            CallMonitorDll = reader.Text("--callmonitor"),
            Seed = reader.Int("--seed", 1, 0, int.MaxValue),
            JsonPath = reader.Text("--json"),
            ModelDirectory = reader.Text("--model"),
            SharedDirectory = reader.Text("--shared"),
        };
        reader.RejectUnknown();
        return options;
    }
}
