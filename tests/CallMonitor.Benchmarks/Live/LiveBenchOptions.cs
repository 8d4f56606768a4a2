using CallMonitor.Benchmarks.Cli;

namespace CallMonitor.Benchmarks.Live;

/// <summary>What <c>callmonitor-bench live</c> runs: the ramp of concurrent calls, the calls, the service, the bounds.</summary>
internal sealed record LiveBenchOptions
{
    public const string Usage = """
        usage: callmonitor-bench live [options]
          --calls LIST       concurrent calls per step, comma-separated (default 1,4,8,16,24,32,40,48)
          --seconds S        audio per call, streamed at real-time pace (default 60)
          --stagger S        call starts spread over this many seconds (default 5)
          --audios N         distinct rendered calls; the streams of a step cycle through them (default 4)
          --telephone        8 kHz mu-law calls instead of 16 kHz PCM16
          --engines LIST     the service's --engines: auto (every installed engine: KWS, Vosk when its model is
                             installed), none, or e.g. kws (default auto)
          --p95-bound S      p95 of the alert latency counted from the end of the agent's speech around the
                             phrase that a step must keep to hold real time (default 1; the service holds an
                             alert until the speaker pauses, so latency from the phrase's own end also
                             counts the words said after it, which depends on the call, not on the load)
          --drain-bound S    longest wait from the last chunk to the report a step may have (default 3)
          --keep-going       run every step (default: stop after the first step that does not hold)
          --server URL       use a running service instead of starting one per step (its process is not
                             sampled unless --server-pid is given)
          --server-pid PID   process of --server, for CPU and memory
          --callmonitor DLL  the service assembly to start (default: callmonitor.dll beside the benchmark)
          --seed S           seed of the calls' filler words, answers and phrase order (default 1)
          --json FILE        also write the figures as JSON
          --model DIR        KWS model folder, used to pick the phrases it can spell (default as for kws)
          --shared DIR       the shared folder with audio/ (default: CALLMONITOR_SHARED or ../shared)
        """;

    public const double ChunkSeconds = 0.1;

    private static readonly IReadOnlySet<string> Flags = new HashSet<string>(StringComparer.Ordinal) { "--telephone", "--keep-going" };

    public IReadOnlyList<int> Steps { get; init; } = [1, 4, 8, 16, 24, 32, 40, 48];

    public double Seconds { get; init; } = 60;

    public double StaggerSeconds { get; init; } = 5;

    public int Audios { get; init; } = 4;

    public bool Telephone { get; init; }

    public string Engines { get; init; } = "auto";

    public double P95Bound { get; init; } = 1;

    public double DrainBound { get; init; } = 3;

    public bool KeepGoing { get; init; }

    public Uri? Server { get; init; }

    public int? ServerPid { get; init; }

    public string? CallMonitorDll { get; init; }

    public int Seed { get; init; } = 1;

    public string? JsonPath { get; init; }

    public string? ModelDirectory { get; init; }

    public string? SharedDirectory { get; init; }

    /// <exception cref="BenchUsageException">An unknown option or a value out of range.</exception>
    public static LiveBenchOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args, Flags);
        var steps = reader.Numbers("--calls", [1, 4, 8, 16, 24, 32, 40, 48], 1, 500);
        if (steps.Any(s => s != Math.Floor(s)))
        {
            throw new BenchUsageException("--calls takes whole numbers, e.g. 1,2,4,8");
        }

        var server = reader.Text("--server");
        if (server is not null && (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw new BenchUsageException($"--server takes a URL such as http://127.0.0.1:5005, got '{server}'");
        }

        var pid = reader.Text("--server-pid") is null ? (int?)null : reader.Int("--server-pid", 0, 1, int.MaxValue);
        var options = new LiveBenchOptions
        {
            Steps = [.. steps.Select(s => (int)s)],
            Seconds = reader.Number("--seconds", 60, 5, 3600),
            StaggerSeconds = reader.Number("--stagger", 5, 0, 600),
            Audios = reader.Int("--audios", 4, 1, 50),
            Telephone = reader.Flag("--telephone"),
            Engines = reader.Text("--engines") ?? "auto",
            P95Bound = reader.Number("--p95-bound", 1, 0.01, 600),
            DrainBound = reader.Number("--drain-bound", 3, 0, 600),
            KeepGoing = reader.Flag("--keep-going"),
            Server = server is null ? null : new Uri(server),
            ServerPid = pid,
            CallMonitorDll = reader.Text("--callmonitor"),
            Seed = reader.Int("--seed", 1, 0, int.MaxValue),
            JsonPath = reader.Text("--json"),
            ModelDirectory = reader.Text("--model"),
            SharedDirectory = reader.Text("--shared"),
        };
        reader.RejectUnknown();
        if (options.ServerPid is not null && options.Server is null)
        {
            throw new BenchUsageException("--server-pid goes with --server URL (a service this benchmark starts is sampled anyway)");
        }

        return options;
    }
}
