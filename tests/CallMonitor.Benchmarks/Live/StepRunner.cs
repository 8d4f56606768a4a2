using System.Diagnostics;
using CallMonitor.Contracts.V1;
using Grpc.Net.Client;

namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// One step of the ramp against one service: a subscription for the step's team, then N calls streamed at
/// real-time pace with their starts spread over the stagger, the service's and this process's CPU and memory sampled
/// throughout; then the figures.
/// </summary>
internal sealed class StepRunner
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(500);
    private readonly LiveBenchOptions _options;
    private readonly IReadOnlyList<LiveCallAudio> _audios;
    private readonly IReadOnlyDictionary<string, IReadOnlySet<int>> _unloaded;

    public StepRunner(LiveBenchOptions options, IReadOnlyList<LiveCallAudio> audios, IReadOnlyDictionary<string, IReadOnlySet<int>> unloaded)
    {
        _options = options;
        _audios = audios;
        _unloaded = unloaded;
    }

    public async Task<StepResult> RunAsync(ServiceNode node, int calls, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        var team = $"bench-{runId}-n{calls}";
        var plans = Enumerable.Range(0, calls)
            .Select(i => new CallPlan($"{runId}-n{calls}-{i + 1}", $"agent-{i + 1}", team, _audios[i % _audios.Count], TimeSpan.FromSeconds(_options.StaggerSeconds * i / calls)))
            .ToList();
        var server = node.ProcessId;
        await using var monitor = new ResourceMonitor(server is { } pid ? [pid, Environment.ProcessId] : [Environment.ProcessId], SampleInterval);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        var idle = monitor.Sample();
        // One connection per call, as each agent desktop has its own; the subscriber has another.
        using var subscriberChannel = GrpcChannel.ForAddress(node.Address);
        var channels = plans.Select(_ => GrpcChannel.ForAddress(node.Address)).ToList();
        try
        {
            await using var subscriber = await SupervisionRecorder.StartAsync(new Supervision.SupervisionClient(subscriberChannel), team, cancellationToken)
                .ConfigureAwait(false);
            return await RunCallsAsync(plans, channels, subscriber, monitor, server, idle, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            channels.ForEach(c => c.Dispose());
        }
    }

    private async Task<StepResult> RunCallsAsync(
        List<CallPlan> plans, List<GrpcChannel> channels, SupervisionRecorder subscriber, ResourceMonitor monitor, int? server, ResourceSample idle, CancellationToken cancellationToken)
    {
        var begin = monitor.Sample();
        var origin = begin.Timestamp + CallDriver.Ticks(0.2);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(_options.StaggerSeconds + _options.Seconds + 120));
        var outcomes = await Task.WhenAll(plans.Select((p, i) =>
                CallDriver.RunAsync(new CallAnalysis.CallAnalysisClient(channels[i]), p, origin, paced: true, LiveBenchOptions.ChunkSeconds, limit.Token)))
            .ConfigureAwait(false);
        await subscriber.WaitForReportsAsync(plans.Count, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        var end = monitor.Sample();
        return Summarize(outcomes, subscriber, monitor, server, idle, begin, end);
    }

    private StepResult Summarize(
        CallOutcome[] outcomes, SupervisionRecorder subscriber, ResourceMonitor monitor, int? server, ResourceSample idle, ResourceSample begin, ResourceSample end)
    {
        var byCall = subscriber.Violations.ToLookup(v => v.CallId, StringComparer.Ordinal);
        var perCall = outcomes.Select(o => (Outcome: o, Matches: AlertMatcher.Match(o.Plan.Audio.Planted, [.. byCall[o.Plan.CallId]], o.Sent))).ToList();
        var supervised = perCall.SelectMany(c => c.Matches).ToList();
        var own = outcomes.SelectMany(o => AlertMatcher.Match(o.Plan.Audio.Planted, o.Violations, o.Sent)).ToList();
        var lost = perCall.Sum(c => _unloaded.TryGetValue(c.Outcome.Plan.Audio.Name, out var expected)
            ? expected.Count(index => !c.Matches.Any(m => m.Alerted && m.Planted.Index == index))
            : 0);
        var ok = outcomes.Where(o => o.Error is null).ToList();
        var statuses = outcomes.SelectMany(o => o.Statuses.Select(s => (o.Plan.CallId, s.Status.BacklogSeconds))).ToList();

        // Steady state: from the moment the last call started sending until the first one sent its last chunk.
        var steadyFrom = ok.Count > 0 ? ok.Max(o => o.Sent.FirstSent) : begin.Timestamp;
        var steadyTo = ok.Count > 0 ? ok.Min(o => o.Sent.LastSent) : end.Timestamp;
        var whole = monitor.Window(begin.Timestamp, end.Timestamp);
        var steady = monitor.Window(steadyFrom, steadyTo) is { WallSeconds: >= 2 } w ? w : whole;
        var audioSeconds = outcomes.Sum(o => o.Sent.Chunks * LiveBenchOptions.ChunkSeconds);
        var pid = server ?? -1;
        var rssIdle = idle.Processes.TryGetValue(pid, out var i) ? i.RssMiB : double.NaN;
        var rssPeak = whole?.PeakRssMiB(pid) ?? double.NaN;
        var result = new StepResult
        {
            Calls = outcomes.Length,
            AudioSeconds = audioSeconds,
            Planted = supervised.Count,
            Alerted = supervised.Count(m => m.Alerted),
            StreamAlerted = own.Count(m => m.Alerted),
            Lost = lost,
            Unmatched = outcomes.Sum(o => AlertMatcher.Unmatched(o.Plan.Audio.Planted, [.. byCall[o.Plan.CallId]])),
            Subscriber = LatencyStats.Of(supervised.Where(m => m.Alerted).Select(m => m.FirstAlert!.Value)),
            FromSpeechEnd = LatencyStats.Of(supervised.Where(m => m.Alerted).Select(m => m.FromSpeechEnd!.Value)),
            Stream = LatencyStats.Of(own.Where(m => m.Alerted).Select(m => m.FirstAlert!.Value)),
            Confirmed = LatencyStats.Of(supervised.Where(m => m.Confirmed is not null).Select(m => m.Confirmed!.Value)),
            Drain = LatencyStats.Of(ok.Where(o => o.ReportArrived != 0).Select(o => Stopwatch.GetElapsedTime(o.Sent.LastSent, o.ReportArrived).TotalSeconds)),
            Errors = outcomes.Count(o => o.Error is not null),
            ErrorSamples = [.. outcomes.Where(o => o.Error is not null).Select(o => $"{o.Plan.CallId}: {o.Error}").Take(3)],
            // The service sends a status when it falls behind (> 5 s by default) and when it has caught up (< half that).
            BehindCalls = statuses.Where(s => s.BacklogSeconds >= 2.5).Select(s => s.CallId).Distinct(StringComparer.Ordinal).Count(),
            MaxBacklogSeconds = statuses.Select(s => s.BacklogSeconds).DefaultIfEmpty(0).Max(),
            ClientLagMaxSeconds = outcomes.Select(o => o.Sent.MaxLagSeconds()).DefaultIfEmpty(0).Max(),
            WriteStallMaxSeconds = outcomes.Select(o => o.Sent.MaxWriteStallSeconds).DefaultIfEmpty(0).Max(),
            SubscriberDropped = subscriber.Dropped,
            ServerCpuPerAudioSecond = whole is null ? double.NaN : whole.CpuSeconds(pid) / audioSeconds,
            ServerCores = steady?.Cores(pid) ?? double.NaN,
            ServerMachinePercent = (steady?.Cores(pid) ?? double.NaN) * 100 / Environment.ProcessorCount,
            MachineBusyPercent = (steady?.MachineBusyShare ?? double.NaN) * 100,
            ClientCores = steady?.Cores(Environment.ProcessId) ?? double.NaN,
            SteadySeconds = steady?.WallSeconds ?? double.NaN,
            RssIdleMiB = rssIdle,
            RssPeakMiB = rssPeak,
            RssPerCallMiB = (rssPeak - rssIdle) / outcomes.Length,
            Alerts = [.. perCall.SelectMany(c => c.Matches.Select(m => new AlertDetail(
                c.Outcome.Plan.CallId, m.Planted.Phrase, m.Planted.End, m.Planted.SpeechEnd, m.Alerted ? m.FirstAlert : null, m.Alerted ? m.FromSpeechEnd : null, m.Confirmed)))],
            Holds = false,
            Reasons = [],
        };
        var reasons = Reasons(result, subscriber.Error);
        return result with { Holds = reasons.Count == 0, Reasons = reasons };
    }

    private List<string> Reasons(StepResult r, string? subscriberError)
    {
        var reasons = new List<string>();
        if (r.Errors > 0)
        {
            reasons.Add($"{r.Errors} calls failed ({string.Join("; ", r.ErrorSamples)})");
        }

        if (r.BehindCalls > 0)
        {
            reasons.Add($"{r.BehindCalls} calls told analysis was behind (up to {r.MaxBacklogSeconds:0.0} s)");
        }

        if (r.Drain.Count > 0 && r.Drain.Max > _options.DrainBound)
        {
            reasons.Add($"drain up to {r.Drain.Max:0.0} s > {_options.DrainBound:0.#} s");
        }

        if (r.Lost > 0)
        {
            reasons.Add($"{r.Lost} alerts lost that the unloaded service gave");
        }

        if (r.FromSpeechEnd.Count > 0 && r.FromSpeechEnd.P95 > _options.P95Bound)
        {
            reasons.Add($"p95 latency from the end of speech {r.FromSpeechEnd.P95:0.00} s > {_options.P95Bound:0.##} s");
        }

        if (r.SubscriberDropped > 0 || subscriberError is not null)
        {
            reasons.Add($"subscriber fell behind or failed ({r.SubscriberDropped} dropped{(subscriberError is null ? string.Empty : $", {subscriberError}")})");
        }

        if (r.ClientLagMaxSeconds > 0.5)
        {
            reasons.Add(r.WriteStallMaxSeconds > 0.25
                ? $"audio sent up to {r.ClientLagMaxSeconds:0.0} s late: the service stopped taking it (a write waited up to {r.WriteStallMaxSeconds:0.0} s)"
                : $"the benchmark's own timers ran up to {r.ClientLagMaxSeconds:0.0} s late");
        }

        return reasons;
    }
}
