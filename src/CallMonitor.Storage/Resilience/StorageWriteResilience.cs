using CallMonitor.Storage.Errors;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CallMonitor.Storage.Resilience;

/// <summary>
/// The Polly pipeline around storage writes: total timeout → retry (jittered exponential back-off on busy/locked)
/// → circuit breaker → attempt timeout. Failures leave as <see cref="StorageUnavailableException"/> with a message a
/// person can act on. Safe for concurrent use; one instance per database so one sick database trips only its breaker.
/// </summary>
public sealed class StorageWriteResilience
{
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly string _target;
    private long _retries;

    /// <param name="target">What is written to, for messages (the database path).</param>
    public StorageWriteResilience(StorageResilienceOptions options, TimeProvider timeProvider, string target)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        Options = options;
        _target = target;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientSqliteFaults.IsRetryable),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = _ =>
                {
                    Interlocked.Increment(ref _retries);
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientSqliteFaults.IsInfrastructureFault),
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                StateProvider = _circuit,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    public StorageResilienceOptions Options { get; }

    /// <summary>Retries done since this instance was built (for metrics and tests).</summary>
    public long RetryCount => Interlocked.Read(ref _retries);

    public CircuitState CircuitState => _circuit.CircuitState;

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (state, token) => state(token), write, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new StorageUnavailableException(
                $"Writes to {_target} are suspended after repeated failures (circuit open for {Options.BreakDuration.TotalSeconds:0.#} s); "
                + "check the disk and file permissions, the write will be tried again after the break.", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new StorageUnavailableException(
                $"A write to {_target} timed out ({ex.Timeout.TotalSeconds:0.#} s); the disk may be slow or the database held by another process.", ex);
        }
        catch (Exception ex) when (TransientSqliteFaults.IsInfrastructureFault(ex))
        {
            throw new StorageUnavailableException(
                $"A write to {_target} failed after {Options.MaxRetryAttempts} retries: {ex.Message}. "
                + "Another process may hold the database, or the disk may be full or unavailable.", ex);
        }
    }
}
