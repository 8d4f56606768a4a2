using System.Globalization;
using CallMonitor.Benchmarks.Output;

namespace CallMonitor.Benchmarks.Load;

/// <summary>Prints the load benchmark's figures: a block per step as it ends, tables at the end, the knee, the soak's series and trend.</summary>
internal static class LoadReport
{
    public static void Definitions(TextWriter output, LoadBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        output.WriteLine("definitions:");
        output.WriteLine("  delivery: every violation update an agent's own StreamCall got (key: call, violation id, state) must reach the supervisor "
            + "subscription (all teams) of EVERY node once: missing = the agent got it, that subscriber had not when the step closed (every report "
            + $"announced to every subscriber, or {LoadStepRunner.ReportGrace.TotalSeconds:0} s after the last call ended): dropped, or later than that; duplicate = a second copy, "
            + $"or one no agent got; late = arrived more than {options.LateBound:0.#} s after the agent got it; fan-out = subscriber arrival - agent arrival");
        output.WriteLine($"  alert latency: first forbidden_phrase alert at a node's subscriber (all nodes' calls) from the send of the chunk holding the phrase's end");
        output.WriteLine($"  a call holds real time: no error, never told of a backlog >= 2.5 s, every chunk sent <= 0.5 s after it was due, report <= "
            + $"{options.DrainBound:0.#} s after the last chunk; a step holds when every call held and every subscriber's delivery is clean");
        output.WriteLine("  cores: CPU seconds / wall seconds while all N streams were live; MiB/call-min: (RSS at the end - RSS at the start) / minutes of "
            + "audio the node's calls streamed (RSS is the process's resident memory, GC heap sizing included: noisy over short steps)");
    }

    public static void Step(TextWriter output, LoadStepResult r)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(r);
        output.WriteLine($"  N={r.Streams}: {r.Calls} calls over {r.WallSeconds:0} s; {r.CallsHeld}/{r.Calls} held real time (send lag max {r.MaxSendLagSeconds:0.00} s, "
            + $"backlog max {r.MaxBacklogSeconds:0.0} s, drain max {F(r.MaxDrainSeconds, "0.0")} s); redis {F(r.RedisCores, "0.000")} cores, postgres "
            + $"{F(r.PostgresCores, "0.000")} cores, bench {F(r.BenchCores, "0.00")} cores, machine {F(r.MachineBusyPercent, "0")} % busy; "
            + (r.Holds ? "holds real time" : "does NOT hold: " + string.Join("; ", r.Reasons)));
        foreach (var n in r.Nodes)
        {
            var d = n.Delivery;
            output.WriteLine($"    {n.Node}: {n.Calls} calls, {F(n.Cores, "0.00")} cores, RSS {F(n.RssStartMiB, "0")} -> {F(n.RssEndMiB, "0")} MiB "
                + $"(peak {F(n.RssPeakMiB, "0")}), {F(n.MiBPerCallMinute, "0.00")} MiB/call-min; subscriber: {n.Alerted}/{n.Planted} phrases alerted, "
                + $"latency p50/p95/p99 {F(n.Alert.P50, "0.00")}/{F(n.Alert.P95, "0.00")}/{F(n.Alert.P99, "0.00")} s; delivery {d.Delivered}/{d.Expected}, "
                + $"{d.Missing} missing, {d.Duplicates} duplicate, {d.Late} late, {d.Dropped} dropped; fan-out p50/p99/max "
                + $"{F(d.FanOut.P50, "0.000")}/{F(d.FanOut.P99, "0.000")}/{F(d.FanOut.Max, "0.000")} s");
        }
    }

    public static void Tables(TextWriter output, IReadOnlyList<LoadStepResult> steps)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(steps);
        output.WriteLine();
        output.WriteLine($"== per node and step ({Environment.ProcessorCount} cores; alert latency and delivery at that node's subscriber, over every node's calls) ==");
        var table = new TextTable(
            "N", "node", "calls", "cores", "CPU s/audio s", "RSS start", "RSS end", "RSS peak", "MiB/call-min", "alerted", "lat p50", "lat p95", "lat p99",
            "delivered", "missing", "dup", "late", "dropped", "fan-out p99");
        foreach (var r in steps)
        {
            foreach (var n in r.Nodes)
            {
                table.Add(r.Streams, n.Node, n.Calls, F(n.Cores, "0.00"), F(n.CpuPerAudioSecond, "0.0000"), F(n.RssStartMiB, "0"), F(n.RssEndMiB, "0"),
                    F(n.RssPeakMiB, "0"), F(n.MiBPerCallMinute, "0.00"), $"{n.Alerted}/{n.Planted}", F(n.Alert.P50, "0.00"), F(n.Alert.P95, "0.00"),
                    F(n.Alert.P99, "0.00"), $"{n.Delivery.Delivered}/{n.Delivery.Expected}", n.Delivery.Missing, n.Delivery.Duplicates, n.Delivery.Late,
                    n.Delivery.Dropped, F(n.Delivery.FanOut.P99, "0.000"));
            }
        }

        table.WriteTo(output);
        output.WriteLine();
        output.WriteLine("== per step ==");
        var summary = new TextTable("N", "calls", "held", "errors", "send lag max", "backlog max", "drain max", "redis cores", "pg cores", "bench cores", "mach busy %", "holds");
        foreach (var r in steps)
        {
            summary.Add(r.Streams, r.Calls, r.CallsHeld, r.Errors, F(r.MaxSendLagSeconds, "0.00"), F(r.MaxBacklogSeconds, "0.0"), F(r.MaxDrainSeconds, "0.0"),
                F(r.RedisCores, "0.000"), F(r.PostgresCores, "0.000"), F(r.BenchCores, "0.00"), F(r.MachineBusyPercent, "0"), r.Holds ? "yes" : "NO");
        }

        summary.WriteTo(output);
    }

    /// <summary>The knee: the first N of the ramp that lost real time, and the last N before it that held.</summary>
    public static string Knee(IReadOnlyList<LoadStepResult> steps, int nodes)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var held = steps.TakeWhile(s => s.Holds).LastOrDefault();
        var lost = steps.FirstOrDefault(s => !s.Holds);
        var where = $"{nodes} nodes on this {Environment.ProcessorCount}-core machine";
        return (held, lost) switch
        {
            (null, { } l) => $"load: real time lost already at N={l.Streams} ({where}): {string.Join("; ", l.Reasons)}",
            ({ } h, null) => $"load: every step held real time up to N={h.Streams} ({where}); the knee lies above the ramp",
            ({ } h, { } l) => $"load: knee at N={l.Streams} (first N that lost real time: {string.Join("; ", l.Reasons)}); largest N held: {h.Streams} ({where})",
            _ => "load: no step ran",
        };
    }

    public static IReadOnlyList<SoakTrend> Soak(TextWriter output, LoadStepResult step, LoadBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(options);
        output.WriteLine();
        output.WriteLine($"== soak: RSS (MiB) every {options.SampleSeconds:0} s, N={step.Streams} ==");
        var series = new TextTable(["t (s)", .. step.Nodes.Select(n => n.Node)]);
        foreach (var p in step.Series)
        {
            series.Add([F(p.Seconds, "0"), .. p.RssMiB.Select(r => F(r, "0.0"))]);
        }

        series.WriteTo(output);
        var trends = step.Nodes.Select((n, i) => SoakTrend.Of(n.Node, step.Series, i, options.FlatBound)).ToList();
        foreach (var t in trends)
        {
            output.WriteLine($"  {t.Node}: second half ({t.Points} points) slope {F(t.SlopeMiBPer10Min, "0.00")} MiB per 10 min, rise {F(t.RiseMiB, "0.0")} MiB -> "
                + (t.Flat ? "flat" : "NOT flat"));
        }

        output.WriteLine($"soak: memory {(trends.All(t => t.Flat) ? "is flat" : "is NOT flat")} (flat = on every node the least-squares slope of RSS over the "
            + $"second half of the soak is below {options.FlatBound:0.##} MiB per 10 min; the first half is left out as warm-up)");
        return trends;
    }

    private static string F(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
