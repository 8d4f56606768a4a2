using System.Diagnostics;

namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// Samples the CPU time and RSS of some processes (the service, the benchmark itself) and the machine's CPU time at
/// a fixed interval in the background, and on demand. Windows between two moments are read from the samples.
/// </summary>
internal sealed class ResourceMonitor : IAsyncDisposable
{
    private readonly IReadOnlyList<int> _pids;
    private readonly List<ResourceSample> _samples = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ResourceMonitor(IEnumerable<int> pids, TimeSpan interval)
    {
        _pids = [.. pids.Distinct()];
        _loop = LoopAsync(interval, _stop.Token);
    }

    /// <summary>Reads every watched process and the machine now, and keeps the reading.</summary>
    public ResourceSample Sample()
    {
        var now = Stopwatch.GetTimestamp();
        var processes = new Dictionary<int, ProcessSample>();
        foreach (var pid in _pids)
        {
            if (ProcFs.Process(pid, now) is { } sample)
            {
                processes[pid] = sample;
            }
        }

        var machine = ProcFs.Machine();
        var reading = new ResourceSample(now, processes, machine?.Busy, machine?.Total);
        lock (_gate)
        {
            _samples.Add(reading);
        }

        return reading;
    }

    /// <summary>The window from the first sample at or after <paramref name="from"/> to the last at or before <paramref name="to"/>
    /// (Stopwatch ticks); null when fewer than two samples fall in it.</summary>
    public ResourceWindow? Window(long from, long to)
    {
        List<ResourceSample> inside;
        lock (_gate)
        {
            inside = [.. _samples.Where(s => s.Timestamp >= from && s.Timestamp <= to).OrderBy(s => s.Timestamp)];
        }

        return inside.Count >= 2 ? new ResourceWindow(inside[0], inside[^1], inside) : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        Sample();
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            Sample();
        }
    }
}
