using System.Runtime.InteropServices;
using CallMonitor.Benchmarks.Kws;

namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// <c>callmonitor-bench live</c>: N calls at once streamed at real-time pace to the live service, for a ramp of N;
/// per step the alert latency (planted forbidden phrase end to the subscriber), the service's CPU and memory, the
/// backlog and the drain; and the largest N one machine holds in real time. Prints figures; asserts nothing.
/// </summary>
internal static class LiveBenchmark
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(180);

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var options = LiveBenchOptions.Parse(args);
        // Ctrl+C or SIGTERM stop the run through the token, so the service this process started is killed on the way out.
        using var interrupted = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Interrupt(c, interrupted));
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Interrupt(c, interrupted));
        try
        {
            return RunAsync(options, args, output, interrupted.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            output.WriteLine("interrupted: the service was stopped; no figures");
            return 130;
        }
    }

    private static void Interrupt(PosixSignalContext context, CancellationTokenSource interrupted)
    {
        context.Cancel = true;
        interrupted.Cancel();
    }

    private static async Task<int> RunAsync(LiveBenchOptions options, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine($"# callmonitor-bench live {string.Join(' ', args)}");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {ProcFs.CpuModel()}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; "
            + $"{DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}; load average {CpuClock.LoadAverage()?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "?"} "
            + "(other work on the machine shares the cores: see 'mach busy %')");
        var audios = LiveCorpus.Build(options, output);
        var launch = options.Server is null ? ServerLaunch.Locate(options.CallMonitorDll, options.Engines) : null;
        output.WriteLine(launch is null
            ? $"service: {options.Server} (running; {(options.ServerPid is { } p ? $"pid {p} sampled" : "its process is not sampled")})"
            : $"service: a fresh `callmonitor serve --engines {launch.Engines}` per step ({launch.CallMonitorDll}, CALLMONITOR_HOME={launch.RepositoryRoot ?? "unset"})");
        output.WriteLine($"pace: {LiveBenchOptions.ChunkSeconds * 1000:0} ms chunks at real time, starts spread over {options.StaggerSeconds:0.#} s; "
            + $"latency = arrival at the subscriber - send of the chunk holding the phrase's last audio");

        var runId = $"lb{DateTime.UtcNow:yyyyMMddHHmmss}";
        var steps = new List<StepResult>();
        IReadOnlyDictionary<string, IReadOnlySet<int>>? unloaded = null;
        string? engines = null;
        foreach (var calls in options.Steps)
        {
            var server = launch is null ? null : await ServerProcess.StartAsync(launch, "node1", ReadyTimeout, cancellationToken).ConfigureAwait(false);
            try
            {
                var node = server?.Node ?? new ServiceNode("node1", options.Server!, options.ServerPid);
                if (engines is null && server is not null)
                {
                    engines = server.Engines ?? "(not printed)";
                    output.WriteLine($"service engines: {engines}");
                    if (!engines.Contains("kws", StringComparison.Ordinal) && !engines.Contains("vosk", StringComparison.Ordinal))
                    {
                        output.WriteLine("  warning: the service runs no speech engine, so no forbidden phrase can be alerted; run from the repository "
                            + "(or set CALLMONITOR_HOME to it) with the models installed (./callmonitor models install)");
                    }
                }

                if (unloaded is null)
                {
                    output.WriteLine("unloaded run (each call alone, unpaced; also the first service's warm-up):");
                    unloaded = await UnloadedBaseline.RunAsync(node, audios, runId, output, cancellationToken).ConfigureAwait(false);
                }
                else if (server is not null)
                {
                    await WarmUpAsync(node, audios[0], $"{runId}-warmup-n{calls}", cancellationToken).ConfigureAwait(false);
                }

                var result = await new StepRunner(options, audios, unloaded).RunAsync(node, calls, runId, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                steps.Add(result);
                LiveReport.Step(output, result);
                if (!result.Holds && !options.KeepGoing)
                {
                    break;
                }
            }
            finally
            {
                if (server is not null)
                {
                    await server.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        LiveReport.Tables(output, steps, options);
        var summary = LiveReport.Summary(steps, options);
        output.WriteLine();
        output.WriteLine(summary);
        if (options.JsonPath is { } path)
        {
            LiveReport.WriteJson(path, new
            {
                Command = $"callmonitor-bench live {string.Join(' ', args)}",
                Date = DateTimeOffset.Now,
                Machine = new { Cores = Environment.ProcessorCount, Cpu = ProcFs.CpuModel(), Os = RuntimeInformation.OSDescription, Runtime = RuntimeInformation.FrameworkDescription },
                Engines = engines,
                options.Seconds,
                options.StaggerSeconds,
                options.Telephone,
                options.P95Bound,
                options.DrainBound,
                Calls = audios.Select(a => new { a.Name, a.Seconds, Planted = a.Planted.Count }),
                Steps = steps,
                Summary = summary,
            });
            output.WriteLine($"figures written to {Path.GetFullPath(path)}");
        }

        return 0;
    }

    /// <summary>One call streamed unpaced, so a fresh service has its code compiled before the step measures it.</summary>
    internal static async Task WarmUpAsync(ServiceNode node, LiveCallAudio audio, string callId, CancellationToken cancellationToken)
    {
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(node.Address);
        var client = new Contracts.V1.CallAnalysis.CallAnalysisClient(channel);
        var outcome = await CallDriver.RunAsync(client, new CallPlan(callId, "agent-warmup", "bench-warmup", audio, TimeSpan.Zero),
            System.Diagnostics.Stopwatch.GetTimestamp(), paced: false, LiveBenchOptions.ChunkSeconds, cancellationToken).ConfigureAwait(false);
        if (outcome.Error is { } error)
        {
            throw new LiveBenchException($"the warm-up call failed: {error}");
        }
    }
}
