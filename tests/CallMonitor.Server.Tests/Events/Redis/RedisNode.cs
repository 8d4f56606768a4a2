using CallMonitor.Server.Events;
using CallMonitor.Server.Events.Redis;
using CallMonitor.Server.Observability;
using CallMonitor.Storage.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallMonitor.Server.Tests.Events.Redis;

/// <summary>One node's Redis feed in a test: its own outbox folder, short timeouts, events made up by team.</summary>
internal static class RedisNode
{
    public static RedisFeedOptions Options(string configuration) => new()
    {
        Configuration = configuration,
        CommandTimeout = TimeSpan.FromSeconds(1),
        BreakDuration = TimeSpan.FromSeconds(1),
        PollInterval = TimeSpan.FromMilliseconds(200),
    };

    public static Task<RedisEventFeed> OpenAsync(string configuration, string folder, CancellationToken cancellationToken) =>
        RedisEventFeed.OpenAsync(Options(configuration), Path.Combine(folder, "event-outbox.db"), new ServerMetrics(), NullLogger.Instance, cancellationToken: cancellationToken);

    public static EventRecord Event(string team, int n) =>
        EventRecords.Lifecycle($"{team}-call-{n / 10}", "a1", team, n % 10, EventKind.CallStarted, partial: false, DateTimeOffset.UtcNow);

    /// <summary>Reads <paramref name="subscription"/> until <paramref name="count"/> events arrived or the time is up.</summary>
    public static async Task<List<StoredEvent>> ReceiveAsync(LiveSubscription subscription, int count, TimeSpan within, CancellationToken cancellationToken)
    {
        var received = new List<StoredEvent>();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(within);
        try
        {
            while (received.Count < count && await subscription.Events.WaitToReadAsync(limit.Token))
            {
                while (received.Count < count && subscription.Events.TryRead(out var e))
                {
                    received.Add(e);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        return received;
    }

    public static async Task UntilAsync(Func<bool> condition, TimeSpan within, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}
