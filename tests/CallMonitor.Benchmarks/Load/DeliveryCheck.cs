using System.Diagnostics;
using CallMonitor.Benchmarks.Live;

namespace CallMonitor.Benchmarks.Load;

/// <summary>
/// Did every violation update an agent's own stream got reach one supervisor subscription, once? Updates are keyed by
/// (call, violation id, state) and paired in arrival order: an update the agent got and the subscriber never did is
/// missing (dropped); a second copy at the subscriber, or one the agent never got, is a duplicate; a pair whose
/// subscriber copy arrived more than the late bound after the agent's is late. The fan-out delay is the subscriber's
/// arrival minus the agent's, per pair.
/// </summary>
internal static class DeliveryCheck
{
    public static NodeDelivery Check(
        string node, IReadOnlyList<CallOutcome> calls, IReadOnlyList<ReceivedViolation> received, long dropped, string? error, double lateBound)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(received);
        var ids = calls.Select(c => c.Plan.CallId).ToHashSet(StringComparer.Ordinal);
        var agent = calls.SelectMany(c => c.Violations).ToLookup(Key);
        var subscriber = received.Where(v => ids.Contains(v.CallId)).ToLookup(Key);
        int expected = 0, delivered = 0, missing = 0, duplicates = 0, late = 0;
        var delays = new List<double>();
        foreach (var group in agent)
        {
            var sent = group.OrderBy(v => v.Arrival).ToList();
            var got = subscriber[group.Key].OrderBy(v => v.Arrival).ToList();
            var pairs = Math.Min(sent.Count, got.Count);
            expected += sent.Count;
            delivered += pairs;
            missing += sent.Count - pairs;
            duplicates += got.Count - pairs;
            for (var i = 0; i < pairs; i++)
            {
                var delay = Stopwatch.GetElapsedTime(sent[i].Arrival, got[i].Arrival).TotalSeconds;
                delays.Add(delay);
                late += delay > lateBound ? 1 : 0;
            }
        }

        duplicates += subscriber.Where(g => !agent.Contains(g.Key)).Sum(g => g.Count());
        return new NodeDelivery(node, expected, delivered, missing, duplicates, late, dropped, error, LatencyStats.Of(delays));
    }

    private static (string CallId, string ViolationId, int State) Key(ReceivedViolation v) => (v.CallId, v.Violation.ViolationId, (int)v.Violation.State);
}
