using CallMonitor.Contracts.V1;

namespace CallMonitor.Benchmarks.Live;

/// <summary>A violation update as a client received it, with its arrival time (Stopwatch ticks).</summary>
internal sealed record ReceivedViolation(string CallId, Violation Violation, long Arrival);
