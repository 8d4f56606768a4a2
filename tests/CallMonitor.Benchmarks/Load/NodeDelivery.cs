using CallMonitor.Benchmarks.Live;

namespace CallMonitor.Benchmarks.Load;

/// <summary>What one node's supervisor subscription received of the violation updates the agents got (see <see cref="DeliveryCheck"/>).</summary>
/// <param name="Expected">Violation updates the agents' own streams got, all nodes' calls.</param>
/// <param name="Delivered">Of those, received by this subscriber (the first copy of each).</param>
/// <param name="Dropped">Events the node said it dropped for this subscriber (FellBehind).</param>
/// <param name="FanOut">Subscriber arrival minus the agent's arrival of the same update, seconds.</param>
internal sealed record NodeDelivery(
    string Node, int Expected, int Delivered, int Missing, int Duplicates, int Late, long Dropped, string? Error, LatencyStats FanOut)
{
    public bool Clean => Missing == 0 && Duplicates == 0 && Late == 0 && Dropped == 0 && Error is null;
}
