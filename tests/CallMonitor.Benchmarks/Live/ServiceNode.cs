namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// One CallMonitor service the benchmark talks to: its gRPC address and, when it runs on this machine and its process
/// is known, the process id whose CPU time and memory are sampled.
/// </summary>
/// <param name="Name">Short label for tables, e.g. "node1".</param>
internal sealed record ServiceNode(string Name, Uri Address, int? ProcessId)
{
    public override string ToString() => ProcessId is { } pid ? $"{Name} {Address} (pid {pid})" : $"{Name} {Address}";
}
