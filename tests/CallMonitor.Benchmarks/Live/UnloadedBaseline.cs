using CallMonitor.Contracts.V1;
using Grpc.Net.Client;

namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// Which planted phrases the service alerts when each call is streamed alone and unpaced (as fast as the stream
/// takes it; analysis runs on audio time, so the findings are those of a live call): the spotter's own recall, and
/// the set a loaded step must not lose. Doubles as the warm-up of the first service.
/// </summary>
internal static class UnloadedBaseline
{
    /// <returns>For each call's name, the indices of its planted phrases that were alerted.</returns>
    public static async Task<IReadOnlyDictionary<string, IReadOnlySet<int>>> RunAsync(
        ServiceNode node, IReadOnlyList<LiveCallAudio> audios, string runId, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(audios);
        ArgumentNullException.ThrowIfNull(output);
        using var channel = GrpcChannel.ForAddress(node.Address);
        var client = new CallAnalysis.CallAnalysisClient(channel);
        var alerted = new Dictionary<string, IReadOnlySet<int>>(StringComparer.Ordinal);
        int planted = 0, found = 0;
        foreach (var audio in audios)
        {
            var plan = new CallPlan($"{runId}-unloaded-{audio.Name}", "agent-unloaded", $"bench-{runId}-unloaded", audio, TimeSpan.Zero);
            var outcome = await CallDriver.RunAsync(client, plan, System.Diagnostics.Stopwatch.GetTimestamp(), paced: false, LiveBenchOptions.ChunkSeconds, cancellationToken)
                .ConfigureAwait(false);
            if (outcome.Error is { } error)
            {
                throw new LiveBenchException($"the unloaded run of {audio.Name} failed: {error}");
            }

            var matches = AlertMatcher.Match(audio.Planted, outcome.Violations, outcome.Sent);
            var heard = matches.Where(m => m.Alerted).Select(m => m.Planted.Index).ToHashSet();
            alerted[audio.Name] = heard;
            planted += audio.Planted.Count;
            found += heard.Count;
            var missed = matches.Where(m => !m.Alerted).Select(m => $"{m.Planted.Phrase}@{m.Planted.End:0.0}").ToList();
            output.WriteLine($"  {audio.Name}: {heard.Count} of {audio.Planted.Count} alerted, "
                + $"{AlertMatcher.Unmatched(audio.Planted, outcome.Violations)} false alarms"
                + (missed.Count > 0 ? $"; not heard: {string.Join(", ", missed)}" : string.Empty));
        }

        output.WriteLine($"  unloaded: {found} of {planted} planted phrases alerted ({100.0 * found / Math.Max(1, planted):0} %, the spotter's recall on "
            + "these calls); a loaded step must alert the same ones");
        return alerted;
    }
}
