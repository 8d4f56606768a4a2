using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CallMonitor.Storage.Postgres.Resilience;

/// <summary>
/// The Polly pipeline around every operation on the shared store: total timeout → retry (jittered exponential back-off
/// on transient server and network faults) → circuit breaker → attempt timeout. Every operation of the stores is
/// idempotent, so a retry after a lost connection never doubles anything. Failures leave as
/// <see cref="StorageUnavailableException"/> (server unreachable) or <see cref="StorageConfigurationException"/>
/// (login refused, database missing), each naming the server. Safe for concurrent use.
/// </summary>
public sealed class PostgresResilience
{
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly string _target;
    private readonly string _user;
    private long _retries;

    internal PostgresResilience(StorageResilienceOptions options, TimeProvider timeProvider, string target, string user, Action onConnectionLost)
    {
        options.Validate();
        Options = options;
        _target = target;
        _user = user;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientPostgresFaults.IsTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    Interlocked.Increment(ref _retries);
                    if (args.Outcome.Exception is { } fault && TransientPostgresFaults.IsConnectionLost(fault))
                    {
                        // Idle pooled connections died with the one that failed: drop them so the retry dials afresh.
                        onConnectionLost();
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientPostgresFaults.IsTransient),
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

    /// <summary>Retries done since the store was opened (for metrics and tests).</summary>
    public long RetryCount => Interlocked.Read(ref _retries);

    public CircuitState CircuitState => _circuit.CircuitState;

    internal async Task<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(static (state, token) => state(token), operation, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new StorageUnavailableException(
                $"Operations on {_target} are suspended after repeated failures (circuit open for {Options.BreakDuration.TotalSeconds:0.#} s); "
                + "check that the server is up and reachable, the next operation after the break will try again.", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new StorageUnavailableException(
                $"An operation on {_target} timed out ({ex.Timeout.TotalSeconds:0.#} s); the server may be down, overloaded or unreachable from this node.", ex);
        }
        catch (Exception ex) when (TransientPostgresFaults.IsTransient(ex))
        {
            throw new StorageUnavailableException(
                $"{_target} could not be reached after {Options.MaxRetryAttempts} retries ({ex.Message.TrimEnd('.')}); "
                + "check that the server is running and that this node can connect to it.", ex);
        }
        catch (Exception ex) when (TransientPostgresFaults.IsLoginRefused(ex))
        {
            throw new StorageConfigurationException(
                $"{_target} refused the login of user '{_user}' ({((Npgsql.PostgresException)ex).SqlState}); "
                + "check Username and Password in the connection string and the server's pg_hba.conf.");
        }
        catch (Exception ex) when (TransientPostgresFaults.IsMissingDatabase(ex))
        {
            throw new StorageConfigurationException(
                $"{_target}: the database does not exist; create it (CREATE DATABASE) or fix Database in the connection string.");
        }
    }
}
