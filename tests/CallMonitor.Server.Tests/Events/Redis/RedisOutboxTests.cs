using CallMonitor.Storage.Events;
using CallMonitor.Storage.Outbox;
using CallMonitor.TestKit.Services;

namespace CallMonitor.Server.Tests.Events.Redis;

/// <summary>
/// Redis down: a node keeps taking events into its durable outbox and appends them in order when Redis is back;
/// nothing lost, nothing twice, also across a restart of the node.
/// </summary>
[Category("Integration")]
public class RedisOutboxTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("callmonitor-redis-outbox-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [CancelAfter(90_000)]
    public async Task PublishAsync_RedisKilledAndRestarted_HeldEventsReachTheOtherNodeOnceInOrder(CancellationToken ct)
    {
        await using var redis = await RedisServer.StartAsync(ct);
        await using var nodeA = await RedisNode.OpenAsync(redis.Configuration, Path.Combine(_folder, "a"), ct);
        await using var nodeB = await RedisNode.OpenAsync(redis.Configuration, Path.Combine(_folder, "b"), ct);
        using var onB = nodeB.Subscribe(EventFilter.All, 1000);
        var records = Enumerable.Range(0, 30).Select(i => RedisNode.Event("t", i)).ToList();

        var before = new List<long>();
        foreach (var record in records.Take(10))
        {
            before.Add(await nodeA.PublishAsync(record, ct));
        }

        await redis.KillAsync();
        var during = new List<long>();
        foreach (var record in records.Skip(10).Take(10))
        {
            during.Add(await nodeA.PublishAsync(record, ct));
        }

        var heldWhileDown = nodeA.HeldInOutbox;
        await redis.RestartAsync(ct);
        foreach (var record in records.Skip(20))
        {
            await nodeA.PublishAsync(record, ct);
        }

        await RedisNode.UntilAsync(() => nodeA.HeldInOutbox == 0, TimeSpan.FromSeconds(30), ct);
        var received = await RedisNode.ReceiveAsync(onB, records.Count, TimeSpan.FromSeconds(20), ct);
        var stored = await nodeA.ReadAfterAsync(0, EventFilter.All, 1000, ct);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.All.GreaterThan(0), "appended while Redis was up");
            Assert.That(during, Is.All.EqualTo(0), "held (no position yet) while Redis was down");
            Assert.That(heldWhileDown, Is.EqualTo(10));
            Assert.That(nodeA.HeldInOutbox, Is.Zero, "the outbox was flushed");
            Assert.That(stored.Select(e => e.Record.EventId), Is.EqualTo(records.Select(r => r.EventId)), "the stream holds every event once, in publish order");
            Assert.That(received.Select(e => e.Record.EventId), Is.EqualTo(records.Select(r => r.EventId)), "node B's subscriber got every event once, in order");
            Assert.That(received.Select(e => e.Position), Is.Ordered.Ascending.And.Unique);
        });
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task OpenAsync_OutboxLeftByAStoppedNode_FlushedWhenTheNodeStartsAgain(CancellationToken ct)
    {
        await using var redis = await RedisServer.StartAsync(ct);
        var records = Enumerable.Range(0, 5).Select(i => RedisNode.Event("t", i)).ToList();
        await redis.KillAsync();
        await using (var node = await RedisNode.OpenAsync(redis.Configuration, _folder, ct))
        {
            foreach (var record in records)
            {
                await node.PublishAsync(record, ct);
            }

            Assert.That(node.HeldInOutbox, Is.EqualTo(records.Count));
        }

        await redis.RestartAsync(ct);
        await using var restarted = await RedisNode.OpenAsync(redis.Configuration, _folder, ct);
        await RedisNode.UntilAsync(() => restarted.HeldInOutbox == 0, TimeSpan.FromSeconds(30), ct);

        var stored = await restarted.ReadAfterAsync(0, EventFilter.All, 100, ct);
        Assert.That(stored.Select(e => e.Record.EventId), Is.EqualTo(records.Select(r => r.EventId)));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Flush_EventRedisAlreadyHas_NotAppendedAgain(CancellationToken ct)
    {
        // As when Redis took an append but the reply was lost: the event is in the stream and still in the outbox.
        await using var redis = await RedisServer.StartAsync(ct);
        var first = RedisNode.Event("t", 1);
        var second = RedisNode.Event("t", 2);
        await using (var node = await RedisNode.OpenAsync(redis.Configuration, Path.Combine(_folder, "other"), ct))
        {
            await node.PublishAsync(first, ct);
        }

        await using (var outbox = await SqliteEventOutbox.OpenAsync(Path.Combine(_folder, "event-outbox.db"), cancellationToken: ct))
        {
            await outbox.EnqueueAsync(first, ct);
            await outbox.EnqueueAsync(second, ct);
        }

        await using var feed = await RedisNode.OpenAsync(redis.Configuration, _folder, ct);
        await RedisNode.UntilAsync(() => feed.HeldInOutbox == 0, TimeSpan.FromSeconds(30), ct);

        var stored = await feed.ReadAfterAsync(0, EventFilter.All, 100, ct);
        Assert.That(stored.Select(e => e.Record.EventId), Is.EqualTo(new[] { first.EventId, second.EventId }));
    }
}
