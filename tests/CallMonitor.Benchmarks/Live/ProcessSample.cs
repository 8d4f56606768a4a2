namespace CallMonitor.Benchmarks.Live;

/// <summary>A process's CPU time used so far and its resident memory, read at <see cref="Timestamp"/> (Stopwatch ticks).</summary>
internal sealed record ProcessSample(long Timestamp, double CpuSeconds, double RssMiB);
