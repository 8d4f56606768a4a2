using System.Text.Json.Serialization;

namespace CallMonitor.Benchmarks.Live;

/// <summary>The figures of one step of the ramp: N calls streamed at once. Seconds, MiB and percentages; NaN where unknown.</summary>
internal sealed record StepResult
{
    public required int Calls { get; init; }

    public required double AudioSeconds { get; init; }

    /// <summary>Forbidden phrases said in the calls (one per place).</summary>
    public required int Planted { get; init; }

    /// <summary>Of those, alerted to the subscriber (and not retracted).</summary>
    public required int Alerted { get; init; }

    /// <summary>Alerted on the call's own StreamCall.</summary>
    public required int StreamAlerted { get; init; }

    /// <summary>Phrases the same service alerted with the call streamed alone, but not in this step.</summary>
    public required int Lost { get; init; }

    /// <summary>Forbidden-phrase violations near no planted phrase (false alarms), to the subscriber.</summary>
    public required int Unmatched { get; init; }

    /// <summary>First alert (provisional or confirmed) at the subscriber, from the send of the phrase's last audio.</summary>
    public required LatencyStats Subscriber { get; init; }

    /// <summary>The subscriber's first alert counted from the send of the end of the agent's speech around the phrase.</summary>
    public required LatencyStats FromSpeechEnd { get; init; }

    /// <summary>The same on the call's own StreamCall.</summary>
    public required LatencyStats Stream { get; init; }

    /// <summary>First confirmed alert at the subscriber (keyword hits stay provisional until a transcript or the call's end).</summary>
    public required LatencyStats Confirmed { get; init; }

    /// <summary>Last chunk sent to ReportReady received, per call.</summary>
    public required LatencyStats Drain { get; init; }

    public required int Errors { get; init; }

    public required IReadOnlyList<string> ErrorSamples { get; init; }

    /// <summary>Calls told that analysis fell behind (CallStatus with a backlog).</summary>
    public required int BehindCalls { get; init; }

    public required double MaxBacklogSeconds { get; init; }

    /// <summary>The most a chunk left the benchmark after it was due (the client not keeping pace).</summary>
    public required double ClientLagMaxSeconds { get; init; }

    /// <summary>The longest one chunk's write waited for the service to take it (flow control), seconds.</summary>
    public required double WriteStallMaxSeconds { get; init; }

    public required long SubscriberDropped { get; init; }

    public required double ServerCpuPerAudioSecond { get; init; }

    /// <summary>Cores the service kept busy while every call was streaming.</summary>
    public required double ServerCores { get; init; }

    /// <summary><see cref="ServerCores"/> as a share of all the machine's cores, %.</summary>
    public required double ServerMachinePercent { get; init; }

    /// <summary>The machine's busy share (every process, other work included) in the same window, %.</summary>
    public required double MachineBusyPercent { get; init; }

    public required double ClientCores { get; init; }

    public required double SteadySeconds { get; init; }

    [JsonPropertyName("rss_idle_mib")]
    public required double RssIdleMiB { get; init; }

    [JsonPropertyName("rss_peak_mib")]
    public required double RssPeakMiB { get; init; }

    [JsonPropertyName("rss_per_call_mib")]
    public required double RssPerCallMiB { get; init; }

    public required bool Holds { get; init; }

    /// <summary>Every planted phrase of every stream, at the subscriber.</summary>
    public required IReadOnlyList<AlertDetail> Alerts { get; init; }

    /// <summary>Why the step does not hold real time (empty when it does).</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
}
