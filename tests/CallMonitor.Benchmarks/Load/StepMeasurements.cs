using CallMonitor.Benchmarks.Live;

namespace CallMonitor.Benchmarks.Load;

/// <summary>What one step recorded: the calls as scheduled and as they went, each node's subscriber (in node order),
/// the resource samples from the calls' start to the last report, and PostgreSQL's CPU seconds over the step.</summary>
internal sealed record StepMeasurements(
    IReadOnlyList<ScheduledCall> Schedule,
    IReadOnlyList<CallOutcome> Outcomes,
    IReadOnlyList<SupervisionRecorder> Subscribers,
    ResourceWindow Window,
    ResourceSample Begin,
    ResourceSample End,
    int? RedisProcessId,
    double? PostgresCpuSeconds);
