using CallMonitor.Storage.Errors;

namespace CallMonitor.Storage.Resilience;

/// <summary>How storage writes are guarded: a total timeout, retries with jittered exponential back-off on transient
/// faults, a circuit breaker, and a timeout per attempt. Validated by <see cref="Validate"/> when the pipeline is built.</summary>
public sealed record StorageResilienceOptions
{
    /// <summary>Bound on one write including every retry.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on one attempt (enforced where the database driver observes cancellation).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetryAttempts { get; init; } = 5;

    /// <summary>Median delay before the first retry; later retries back off exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit (0 &lt; x ≤ 1).</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>Attempts needed within <see cref="SamplingDuration"/> before the ratio is judged (≥ 2).</summary>
    public int MinimumThroughput { get; init; } = 10;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before one trial write is let through.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="StorageConfigurationException"/> naming the first bad option.</summary>
    public void Validate()
    {
        Require(TotalTimeout > TimeSpan.Zero, nameof(TotalTimeout), "must be positive");
        Require(AttemptTimeout > TimeSpan.Zero && AttemptTimeout <= TotalTimeout, nameof(AttemptTimeout),
            $"must be positive and at most {nameof(TotalTimeout)} ({TotalTimeout})");
        Require(MaxRetryAttempts is >= 0 and <= 100, nameof(MaxRetryAttempts), "must be between 0 and 100");
        Require(RetryBaseDelay > TimeSpan.Zero && RetryBaseDelay < TotalTimeout, nameof(RetryBaseDelay),
            $"must be positive and shorter than {nameof(TotalTimeout)}");
        Require(FailureRatio is > 0 and <= 1, nameof(FailureRatio), "must be in (0, 1]");
        Require(MinimumThroughput >= 2, nameof(MinimumThroughput), "must be at least 2");
        Require(SamplingDuration >= TimeSpan.FromMilliseconds(500), nameof(SamplingDuration), "must be at least 0.5 s");
        Require(BreakDuration >= TimeSpan.FromMilliseconds(500), nameof(BreakDuration), "must be at least 0.5 s");
    }

    private void Require(bool condition, string option, string rule)
    {
        if (!condition)
        {
            throw new StorageConfigurationException(
                $"Storage resilience option {option} {rule}; it is set to {Describe(option)}. Fix the service configuration.");
        }
    }

    private string Describe(string option) => option switch
    {
        nameof(TotalTimeout) => TotalTimeout.ToString(),
        nameof(AttemptTimeout) => AttemptTimeout.ToString(),
        nameof(MaxRetryAttempts) => MaxRetryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        nameof(RetryBaseDelay) => RetryBaseDelay.ToString(),
        nameof(FailureRatio) => FailureRatio.ToString(System.Globalization.CultureInfo.InvariantCulture),
        nameof(MinimumThroughput) => MinimumThroughput.ToString(System.Globalization.CultureInfo.InvariantCulture),
        nameof(SamplingDuration) => SamplingDuration.ToString(),
        _ => BreakDuration.ToString(),
    };
}
