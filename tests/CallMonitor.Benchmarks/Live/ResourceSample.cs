namespace CallMonitor.Benchmarks.Live;

/// <summary>One reading of the watched processes (by pid; a process gone or unreadable is absent) and of the machine.</summary>
/// <param name="MachineBusy">Busy CPU seconds of all cores since boot (null without /proc/stat).</param>
/// <param name="MachineTotal">Busy plus idle CPU seconds of all cores since boot.</param>
internal sealed record ResourceSample(long Timestamp, IReadOnlyDictionary<int, ProcessSample> Processes, double? MachineBusy, double? MachineTotal);
