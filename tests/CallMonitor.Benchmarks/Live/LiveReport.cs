using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CallMonitor.Benchmarks.Output;

namespace CallMonitor.Benchmarks.Live;

/// <summary>Prints the live benchmark's figures (a line per step as it ends, tables at the end, a summary) and writes them as JSON.</summary>
internal static class LiveReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Step(TextWriter output, StepResult r)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(r);
        output.WriteLine($"  N={r.Calls}: {r.Alerted}/{r.Planted} phrases alerted, {r.Lost} lost; latency p50 {r.Subscriber.P50:0.00} s, p95 {r.Subscriber.P95:0.00} s "
            + $"(from the end of speech p95 {r.FromSpeechEnd.P95:0.00} s); "
            + $"service {r.ServerCores:0.00} cores ({r.ServerMachinePercent:0} % of the machine; machine {r.MachineBusyPercent:0} % busy); "
            + $"drain max {r.Drain.Max:0.0} s; {(r.Holds ? "holds real time" : "does NOT hold: " + string.Join("; ", r.Reasons))}");
    }

    public static void Tables(TextWriter output, IReadOnlyList<StepResult> steps, LiveBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(options);
        output.WriteLine();
        output.WriteLine("== alerts: first forbidden_phrase alert per planted phrase (sub = Supervision.Subscribe, own = the call's StreamCall), seconds from "
            + "the send of the chunk holding the phrase's end (speech-end: holding the end of the agent's speech around it) ==");
        var alerts = new TextTable("N", "planted", "alerted", "lost", "false", "sub p50", "sub p95", "sub p99", "sub max", "own p50", "own p95", "speech-end p50", "speech-end p95", "confirmed p50", "holds");
        foreach (var r in steps)
        {
            alerts.Add(r.Calls, r.Planted, r.Alerted, r.Lost, r.Unmatched, r.Subscriber.P50, r.Subscriber.P95, r.Subscriber.P99, r.Subscriber.Max,
                r.Stream.P50, r.Stream.P95, r.FromSpeechEnd.P50, r.FromSpeechEnd.P95, r.Confirmed.P50, r.Holds ? "yes" : "NO");
        }

        alerts.WriteTo(output);
        output.WriteLine();
        output.WriteLine($"== load: service CPU and memory, backlog, drain (CPU while all calls stream; {Environment.ProcessorCount} cores) ==");
        var load = new TextTable(
            "N", "audio s", "CPU s/audio s", "svc cores", "svc % mach", "mach busy %", "bench cores", "RSS idle", "RSS peak", "MiB/call", "behind", "backlog max",
            "drain p50", "drain max", "send lag max", "write stall max", "errors");
        foreach (var r in steps)
        {
            load.Add(r.Calls, F(r.AudioSeconds, "0"), F(r.ServerCpuPerAudioSecond, "0.0000"), r.ServerCores, F(r.ServerMachinePercent, "0"), F(r.MachineBusyPercent, "0"),
                r.ClientCores, F(r.RssIdleMiB, "0"), F(r.RssPeakMiB, "0"),
                r.RssPerCallMiB, r.BehindCalls, r.MaxBacklogSeconds, r.Drain.P50, r.Drain.Max, r.ClientLagMaxSeconds, r.WriteStallMaxSeconds, r.Errors);
        }

        load.WriteTo(output);
        foreach (var r in steps.Where(s => !s.Holds))
        {
            output.WriteLine($"  N={r.Calls} does not hold: {string.Join("; ", r.Reasons)}");
        }
    }

    /// <summary>The one-line verdict: the largest N that held real time (every smaller step held too).</summary>
    public static string Summary(IReadOnlyList<StepResult> steps, LiveBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(options);
        var held = steps.TakeWhile(s => s.Holds).LastOrDefault();
        var lost = steps.FirstOrDefault(s => !s.Holds);
        var bound = $"(holds = no call failed or told of a backlog, audio taken at real-time pace, drain <= {options.DrainBound:0.#} s, no alert lost, "
            + $"p95 latency from the end of the agent's speech <= {options.P95Bound:0.##} s)";
        return held is null
            ? $"live: not even N={steps[0].Calls} held real time {bound}: {string.Join("; ", steps[0].Reasons)}"
            : $"live: largest N holding real time on this {Environment.ProcessorCount}-core machine: {held.Calls} "
                + $"(alert latency from the phrase's end p50 {held.Subscriber.P50:0.00} s / p95 {held.Subscriber.P95:0.00} s, from the end of speech p95 {held.FromSpeechEnd.P95:0.00} s; service {held.ServerCores:0.00} cores, {held.ServerCpuPerAudioSecond:0.0000} CPU s per audio s)"
                + (lost is null ? $"; every step held, the ramp ended at {steps[^1].Calls}" : $"; lost at N={lost.Calls}") + $" {bound}";
    }

    private static string F(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    public static void WriteJson(string path, object document)
    {
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
    }
}
