using CallMonitor.Benchmarks.Live;
using CallMonitor.Contracts.V1;
using Grpc.Net.Client;

namespace CallMonitor.Benchmarks.Load;

/// <summary>
/// One step against a running cluster: a supervisor subscription (every team) on each node, then the step's calls
/// streamed at real-time pace over one connection per stream to the stream's node, every node's process, Redis and
/// this benchmark sampled throughout; then, once every subscriber announced every report (or a grace period passed),
/// the figures.
/// </summary>
internal sealed class LoadStepRunner
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(500);
    /// <summary>How long after the last call ended the subscribers may take to announce every report.</summary>
    public static readonly TimeSpan ReportGrace = TimeSpan.FromSeconds(20);
    private readonly LoadBenchOptions _options;
    private readonly IReadOnlyList<LiveCallAudio> _audios;

    public LoadStepRunner(LoadBenchOptions options, IReadOnlyList<LiveCallAudio> audios)
    {
        _options = options;
        _audios = audios;
    }

    public async Task<LoadStepResult> RunAsync(IReadOnlyList<ServiceNode> nodes, SharedServices shared, int streams, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(shared);
        var schedule = LoadSchedule.Build(_options, _audios, streams, nodes.Count, runId);
        var redis = shared.RedisProcessId;
        var postgres = shared.PostgresProcessId;
        var pids = nodes.Select(n => n.ProcessId ?? -1).Append(redis ?? -1).Append(Environment.ProcessId).Where(p => p > 0);
        await using var monitor = new ResourceMonitor(pids, SampleInterval);
        var subscriberChannels = nodes.Select(n => GrpcChannel.ForAddress(n.Address)).ToList();
        // One connection per stream (an agent desktop keeps its own), reused by the stream's successive calls.
        var streamChannels = Enumerable.Range(0, streams).Select(s => GrpcChannel.ForAddress(nodes[s % nodes.Count].Address)).ToList();
        var subscribers = new List<SupervisionRecorder>();
        try
        {
            foreach (var channel in subscriberChannels)
            {
                subscribers.Add(await SupervisionRecorder.StartAsync(new Supervision.SupervisionClient(channel), team: null, cancellationToken).ConfigureAwait(false));
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            var begin = monitor.Sample();
            var postgresBegin = postgres is { } p0 ? ProcessTreeCpu.Read(p0) : null;
            var origin = begin.Timestamp + CallDriver.Ticks(0.2);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(_options.StaggerSeconds + _options.StepSeconds + _options.CallSeconds + 180));
            var outcomes = await Task.WhenAll(schedule.Select(c =>
                    CallDriver.RunAsync(new CallAnalysis.CallAnalysisClient(streamChannels[c.Slot]), c.Plan, origin, paced: true, LiveBenchOptions.ChunkSeconds, limit.Token)))
                .ConfigureAwait(false);
            var graceEnds = DateTime.UtcNow + ReportGrace;
            foreach (var subscriber in subscribers)
            {
                var left = graceEnds - DateTime.UtcNow;
                await subscriber.WaitForReportsAsync(schedule.Count, left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }

            var end = monitor.Sample();
            var postgresEnd = postgres is { } p1 ? ProcessTreeCpu.Read(p1) : null;
            var window = monitor.Window(begin.Timestamp, end.Timestamp) ?? throw new LiveBenchException("the resource monitor took no samples during the step");
            var measured = new StepMeasurements(schedule, outcomes, subscribers, window, begin, end, redis, postgresEnd - postgresBegin);
            return new LoadStepSummary(_options).Summarize(nodes, streams, measured);
        }
        finally
        {
            foreach (var subscriber in subscribers)
            {
                await subscriber.DisposeAsync().ConfigureAwait(false);
            }

            subscriberChannels.ForEach(c => c.Dispose());
            streamChannels.ForEach(c => c.Dispose());
        }
    }
}
