using CallMonitor.Benchmarks.Live;

namespace CallMonitor.Benchmarks.Load;

/// <summary>One call of a step: the node whose stream takes it, the stream (slot) that places it, and its plan.</summary>
internal sealed record ScheduledCall(int Node, int Slot, CallPlan Plan);
