using System.Diagnostics;
using CallMonitor.Benchmarks.Live;

namespace CallMonitor.Benchmarks.Load;

/// <summary>Turns what a step recorded into its figures and its verdict (does it hold real time, and why not).</summary>
internal sealed class LoadStepSummary
{
    /// <summary>A call is behind when the service told it of a backlog this large (it warns above 5 s and clears below half).</summary>
    private const double BacklogSeconds = 2.5;

    /// <summary>Most a chunk may leave after it was due for the call to count as streamed at real-time pace.</summary>
    private const double SendLagSeconds = 0.5;

    private readonly LoadBenchOptions _options;

    public LoadStepSummary(LoadBenchOptions options) => _options = options;

    public LoadStepResult Summarize(IReadOnlyList<ServiceNode> nodes, int streams, StepMeasurements m)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(m);
        var calls = m.Schedule.Zip(m.Outcomes, (c, o) => (c.Node, c.Slot, Outcome: o)).ToList();
        var steady = SteadyWindow(m, calls.Select(c => (c.Slot, c.Outcome)).ToList());
        var wall = m.Window.WallSeconds;
        var perNode = nodes.Select((node, i) => Node(node, i, calls.Where(c => c.Node == i).Select(c => c.Outcome).ToList(), m, steady)).ToList();
        var held = m.Outcomes.Where(Held).ToList();
        var failures = m.Outcomes.Where(o => !Held(o)).OrderBy(o => o.Error is null).Select(Why).ToList();
        var result = new LoadStepResult
        {
            Streams = streams,
            Calls = m.Outcomes.Count,
            WallSeconds = wall,
            Nodes = perNode,
            CallsHeld = held.Count,
            Errors = m.Outcomes.Count(o => o.Error is not null),
            Failures = [.. failures.Take(5)],
            MaxSendLagSeconds = m.Outcomes.Select(o => o.Sent.MaxLagSeconds()).DefaultIfEmpty(0).Max(),
            MaxBacklogSeconds = m.Outcomes.SelectMany(o => o.Statuses.Select(s => s.Status.BacklogSeconds)).DefaultIfEmpty(0).Max(),
            MaxDrainSeconds = m.Outcomes.Select(Drain).Where(d => !double.IsNaN(d)).DefaultIfEmpty(double.NaN).Max(),
            RedisCores = m.RedisProcessId is { } redis ? steady.Cores(redis) : double.NaN,
            PostgresCores = m.PostgresCpuSeconds is { } pg && wall > 0 ? pg / wall : double.NaN,
            BenchCores = steady.Cores(Environment.ProcessId),
            MachineBusyPercent = steady.MachineBusyShare * 100,
            Series = _options.Soak ? Series(m, nodes) : [],
            Holds = false,
            Reasons = [],
        };
        var reasons = new List<string>();
        if (held.Count < m.Outcomes.Count)
        {
            reasons.Add($"{m.Outcomes.Count - held.Count} of {m.Outcomes.Count} calls lost real time (e.g. {string.Join("; ", failures.Take(2))})");
        }

        reasons.AddRange(perNode.Where(n => !n.Delivery.Clean).Select(n =>
            $"{n.Node}'s subscriber: {n.Delivery.Missing} missing, {n.Delivery.Duplicates} duplicates, {n.Delivery.Late} late, {n.Delivery.Dropped} dropped"
            + (n.Delivery.Error is null ? string.Empty : $", failed: {n.Delivery.Error}")));
        return result with { Holds = reasons.Count == 0, Reasons = reasons };
    }

    private NodeFigures Node(ServiceNode node, int index, List<CallOutcome> own, StepMeasurements m, ResourceWindow steady)
    {
        var pid = node.ProcessId ?? -1;
        var subscriber = m.Subscribers[index];
        var byCall = subscriber.Violations.ToLookup(v => v.CallId, StringComparer.Ordinal);
        var matches = m.Outcomes.SelectMany(o => AlertMatcher.Match(o.Plan.Audio.Planted, [.. byCall[o.Plan.CallId]], o.Sent)).ToList();
        var alerted = matches.Where(a => a.Alerted).ToList();
        var callMinutes = own.Sum(o => o.Sent.Chunks * LiveBenchOptions.ChunkSeconds) / 60;
        var start = Rss(m.Begin, pid);
        var end = Rss(m.End, pid);
        var delivery = DeliveryCheck.Check(node.Name, m.Outcomes, subscriber.Violations, subscriber.Dropped, subscriber.Error, _options.LateBound);
        return new NodeFigures(
            node.Name, own.Count, callMinutes, steady.Cores(pid), m.Window.CpuSeconds(pid) / (callMinutes * 60), start, end, m.Window.PeakRssMiB(pid),
            (end - start) / callMinutes, matches.Count, alerted.Count,
            LatencyStats.Of(alerted.Select(a => a.FirstAlert!.Value)), LatencyStats.Of(alerted.Select(a => a.FromSpeechEnd!.Value)), delivery);
    }

    /// <summary>From the moment every stream's first call was sending until the first stream's last call stopped: all N live.</summary>
    private static ResourceWindow SteadyWindow(StepMeasurements m, List<(int Slot, CallOutcome Outcome)> calls)
    {
        var slots = calls.Where(c => c.Outcome.Error is null && c.Outcome.Sent.FirstSent != 0).GroupBy(c => c.Slot).ToList();
        if (slots.Count == 0)
        {
            return m.Window;
        }

        var from = slots.Max(g => g.Min(c => c.Outcome.Sent.FirstSent));
        var to = slots.Min(g => g.Max(c => c.Outcome.Sent.LastSent));
        return to > from && m.Window.Samples.Count(s => s.Timestamp >= from && s.Timestamp <= to) >= 4
            ? new ResourceWindow(
                m.Window.Samples.First(s => s.Timestamp >= from), m.Window.Samples.Last(s => s.Timestamp <= to),
                [.. m.Window.Samples.Where(s => s.Timestamp >= from && s.Timestamp <= to)])
            : m.Window;
    }

    private List<RssPoint> Series(StepMeasurements m, IReadOnlyList<ServiceNode> nodes)
    {
        var points = new List<RssPoint>();
        for (var t = 0.0; ; t += _options.SampleSeconds)
        {
            var due = m.Begin.Timestamp + CallDriver.Ticks(t);
            if (m.Window.Samples.FirstOrDefault(s => s.Timestamp >= due) is not { } sample)
            {
                return points;
            }

            points.Add(new RssPoint(
                Stopwatch.GetElapsedTime(m.Begin.Timestamp, sample.Timestamp).TotalSeconds, [.. nodes.Select(n => Rss(sample, n.ProcessId ?? -1))]));
        }
    }

    private bool Held(CallOutcome o) =>
        o.Error is null
        && o.Statuses.All(s => s.Status.BacklogSeconds < BacklogSeconds)
        && o.Sent.MaxLagSeconds() <= SendLagSeconds
        && Drain(o) <= _options.DrainBound;

    private static string Why(CallOutcome o) =>
        o.Error is { } error ? $"{o.Plan.CallId}: {error}"
        : $"{o.Plan.CallId}: send lag {o.Sent.MaxLagSeconds():0.00} s (write stall {o.Sent.MaxWriteStallSeconds:0.00} s), "
            + $"backlog {o.Statuses.Select(s => s.Status.BacklogSeconds).DefaultIfEmpty(0).Max():0.0} s, drain {Drain(o):0.0} s";

    private static double Drain(CallOutcome o) =>
        o.ReportArrived == 0 || o.Sent.LastSent == 0 ? double.NaN : Stopwatch.GetElapsedTime(o.Sent.LastSent, o.ReportArrived).TotalSeconds;

    private static double Rss(ResourceSample sample, int pid) => sample.Processes.TryGetValue(pid, out var p) ? p.RssMiB : double.NaN;
}
