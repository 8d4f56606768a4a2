using CallMonitor.Contracts.V1;

namespace CallMonitor.Benchmarks.Live;

/// <summary>What one streamed call sent and got back on its own StreamCall, with arrival times (Stopwatch ticks).</summary>
internal sealed class CallOutcome
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedViolation> _violations = [];
    private readonly List<(long Arrival, CallStatus Status)> _statuses = [];

    public CallOutcome(CallPlan plan, SentAudioLog sent)
    {
        Plan = plan;
        Sent = sent;
    }

    public CallPlan Plan { get; }

    public SentAudioLog Sent { get; }

    /// <summary>When CallEnd was written, or 0.</summary>
    public long EndSent { get; set; }

    /// <summary>When ReportReady arrived, or 0.</summary>
    public long ReportArrived { get; set; }

    public ReportReady? Report { get; set; }

    /// <summary>Why the call failed (gRPC status or timeout), or null.</summary>
    public string? Error { get; set; }

    public IReadOnlyList<ReceivedViolation> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    public IReadOnlyList<(long Arrival, CallStatus Status)> Statuses
    {
        get
        {
            lock (_gate)
            {
                return [.. _statuses];
            }
        }
    }

    public void Add(ReceivedViolation violation)
    {
        lock (_gate)
        {
            _violations.Add(violation);
        }
    }

    public void Add(long arrival, CallStatus status)
    {
        lock (_gate)
        {
            _statuses.Add((arrival, status));
        }
    }
}
