using System.Diagnostics;

namespace CallMonitor.Benchmarks.Live;

/// <summary>What the watched processes and the machine used between two samples.</summary>
internal sealed class ResourceWindow
{
    private readonly ResourceSample _first;
    private readonly ResourceSample _last;
    private readonly IReadOnlyList<ResourceSample> _all;

    public ResourceWindow(ResourceSample first, ResourceSample last, IReadOnlyList<ResourceSample> all)
    {
        _first = first;
        _last = last;
        _all = all;
    }

    /// <summary>Every sample in the window, oldest first.</summary>
    public IReadOnlyList<ResourceSample> Samples => _all;

    public double WallSeconds => Stopwatch.GetElapsedTime(_first.Timestamp, _last.Timestamp).TotalSeconds;

    /// <summary>CPU seconds process <paramref name="pid"/> used in the window, or NaN when it was not read at both ends.</summary>
    public double CpuSeconds(int pid) =>
        _first.Processes.TryGetValue(pid, out var a) && _last.Processes.TryGetValue(pid, out var b) ? b.CpuSeconds - a.CpuSeconds : double.NaN;

    /// <summary>Cores the process kept busy on average (1.0 = one core all the time).</summary>
    public double Cores(int pid) => WallSeconds > 0 ? CpuSeconds(pid) / WallSeconds : double.NaN;

    /// <summary>Largest RSS of the process seen in the window, MiB.</summary>
    public double PeakRssMiB(int pid) =>
        _all.Select(s => s.Processes.TryGetValue(pid, out var p) ? p.RssMiB : double.NaN).Where(r => !double.IsNaN(r)).DefaultIfEmpty(double.NaN).Max();

    /// <summary>Share of all the machine's CPU time that was busy (any process), 0..1.</summary>
    public double MachineBusyShare =>
        _first.MachineBusy is { } b0 && _last.MachineBusy is { } b1 && _first.MachineTotal is { } t0 && _last.MachineTotal is { } t1 && t1 > t0
            ? (b1 - b0) / (t1 - t0)
            : double.NaN;
}
