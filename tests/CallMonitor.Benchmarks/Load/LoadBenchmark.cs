using System.Globalization;
using System.Runtime.InteropServices;
using CallMonitor.Benchmarks.Live;

namespace CallMonitor.Benchmarks.Load;

/// <summary>
/// <c>callmonitor-bench load</c>: a private redis-server and PostgreSQL, N <c>callmonitor serve</c> nodes sharing them,
/// and a ramp of concurrent live calls spread round-robin over the nodes, each step streamed at real-time pace for
/// minutes with a supervisor subscription on every node; per step each node's CPU and memory, alert latency and the
/// delivery of every violation to every node's subscriber, and the knee where real time is lost. <c>--soak</c>: one
/// step for long, with the RSS series and its trend. Prints figures; asserts nothing.
/// </summary>
internal static class LoadBenchmark
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var options = LoadBenchOptions.Parse(args);
        // Ctrl+C or SIGTERM stop the run through the token, so every process this one started is stopped on the way out.
        using var interrupted = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Interrupt(c, interrupted));
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Interrupt(c, interrupted));
        try
        {
            return RunAsync(options, args, output, interrupted.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            output.WriteLine("interrupted: the nodes, Redis and PostgreSQL were stopped; no figures");
            return 130;
        }
    }

    private static void Interrupt(PosixSignalContext context, CancellationTokenSource interrupted)
    {
        context.Cancel = true;
        interrupted.Cancel();
    }

    private static async Task<int> RunAsync(LoadBenchOptions options, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine($"# callmonitor-bench load {string.Join(' ', args)}");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {ProcFs.CpuModel()}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; "
            + $"{DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}; load average {LoadAverage()} at the start (other work on the machine shares the cores: see 'mach busy %')");
        var launch = ServerLaunch.Locate(options.CallMonitorDll, options.Engines);
        var audios = LiveCorpus.Build(options.Corpus, output);
        output.WriteLine($"mode: {(options.Soak ? "soak" : "ramp")}; {options.Nodes} nodes (`callmonitor serve --engines {launch.Engines} --redis … --shared-store …`, "
            + $"fresh per step), steps of {options.StepSeconds:0} s, calls of {audios.Min(a => a.Seconds):0} s placed back to back on each stream "
            + $"({LoadSchedule.GapSeconds:0.0} s apart), first calls spread over {options.StaggerSeconds:0.#} s, {LiveBenchOptions.ChunkSeconds * 1000:0} ms chunks at real-time pace");
        LoadReport.Definitions(output, options);

        var runId = $"ld{DateTime.UtcNow:yyyyMMddHHmmss}";
        var steps = new List<LoadStepResult>();
        await using var shared = await SharedServices.StartAsync(cancellationToken).ConfigureAwait(false);
        output.WriteLine($"shared: redis-server {shared.RedisConfiguration} (pid {shared.RedisProcessId?.ToString(CultureInfo.InvariantCulture) ?? "?"}), "
            + $"PostgreSQL postmaster pid {shared.PostgresProcessId?.ToString(CultureInfo.InvariantCulture) ?? "?"}");
        string? engines = null;
        foreach (var streams in options.Steps)
        {
            await using var cluster = await LoadCluster.StartAsync(launch, shared, options.Nodes, audios[0], $"{runId}-n{streams}", cancellationToken).ConfigureAwait(false);
            if (engines is null)
            {
                engines = cluster.Engines ?? "(not printed)";
                output.WriteLine($"service engines: {engines}; nodes: {string.Join(", ", cluster.Nodes)}");
            }

            output.WriteLine($"step N={streams} starting at {DateTimeOffset.Now:HH:mm:ss} (load average {LoadAverage()})");
            var result = await new LoadStepRunner(options, audios).RunAsync(cluster.Nodes, shared, streams, runId, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            steps.Add(result);
            LoadReport.Step(output, result);
            if (!result.Holds && !options.KeepGoing)
            {
                break;
            }
        }

        LoadReport.Tables(output, steps);
        var trends = options.Soak ? LoadReport.Soak(output, steps[0], options) : [];
        var knee = LoadReport.Knee(steps, options.Nodes);
        output.WriteLine();
        output.WriteLine(knee);
        output.WriteLine($"load average at the end: {LoadAverage()}");
        if (options.JsonPath is { } path)
        {
            LiveReport.WriteJson(path, new
            {
                Command = $"callmonitor-bench load {string.Join(' ', args)}",
                Date = DateTimeOffset.Now,
                Machine = new { Cores = Environment.ProcessorCount, Cpu = ProcFs.CpuModel(), Os = RuntimeInformation.OSDescription, Runtime = RuntimeInformation.FrameworkDescription },
                Engines = engines,
                options.Nodes,
                options.StepSeconds,
                options.CallSeconds,
                options.StaggerSeconds,
                options.LateBound,
                options.DrainBound,
                options.Soak,
                options.FlatBound,
                Calls = audios.Select(a => new { a.Name, a.Seconds, Planted = a.Planted.Count }),
                Steps = steps,
                SoakTrends = trends,
                Knee = knee,
            });
            output.WriteLine($"figures written to {Path.GetFullPath(path)}");
        }

        return 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
