using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace CallMonitor.Server.Events.Redis;

/// <summary>Which failures mean "Redis is not reachable now" (hold and retry) rather than a fault in what was sent.</summary>
internal static class RedisFaults
{
    // Replies a healthy server gives while starting, failing over or busy: they pass.
    private static readonly string[] TransientReplies = ["LOADING", "BUSY", "MASTERDOWN", "READONLY", "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS"];

    public static bool IsTransient(Exception e) => e switch
    {
        RedisConnectionException or RedisTimeoutException or TimeoutRejectedException or BrokenCircuitException => true,
        RedisServerException server => TransientReplies.Any(reply => server.Message.StartsWith(reply, StringComparison.Ordinal)),
        ObjectDisposedException or OperationCanceledException => false,
        _ => e.InnerException is { } inner && IsTransient(inner),
    };
}
