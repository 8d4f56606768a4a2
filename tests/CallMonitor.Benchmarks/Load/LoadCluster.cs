using CallMonitor.Benchmarks.Live;

namespace CallMonitor.Benchmarks.Load;

/// <summary>
/// N <c>callmonitor serve</c> child processes, each on its own loopback port and data folder, all pointed at the same
/// Redis stream and PostgreSQL store, so any node's subscribers see every node's events. Each node is warmed up with
/// one unpaced call before it is measured. Disposing kills them.
/// </summary>
internal sealed class LoadCluster : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(180);
    private readonly List<ServerProcess> _servers;

    private LoadCluster(List<ServerProcess> servers) => _servers = servers;

    public IReadOnlyList<ServiceNode> Nodes => [.. _servers.Select(s => s.Node)];

    /// <summary>The first node's "Engines loaded" line.</summary>
    public string? Engines => _servers[0].Engines;

    /// <exception cref="LiveBenchException">A node did not start or its warm-up call failed.</exception>
    public static async Task<LoadCluster> StartAsync(
        ServerLaunch launch, SharedServices shared, int nodes, LiveCallAudio warmUp, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shared);
        string[] clusterArguments = ["--redis", shared.RedisConfiguration, "--shared-store", shared.StoreConnection];
        var servers = new List<ServerProcess>();
        var cluster = new LoadCluster(servers);
        try
        {
            // One at a time: the first node creates the store's tables, and two cold starts at once on two cores only slow each other.
            for (var i = 0; i < nodes; i++)
            {
                servers.Add(await ServerProcess.StartAsync(launch, $"node{i + 1}", ReadyTimeout, clusterArguments, cancellationToken).ConfigureAwait(false));
            }

            foreach (var node in cluster.Nodes)
            {
                await LiveBenchmark.WarmUpAsync(node, warmUp, $"{runId}-warmup-{node.Name}", cancellationToken).ConfigureAwait(false);
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
