using CallMonitor.Storage.Events;
using CallMonitor.TestKit.Services;

namespace CallMonitor.Server.Tests.Events.Redis;

/// <summary>The Redis feed against a real redis-server on loopback: order, positions, idempotence, two nodes.</summary>
[Category("Integration")]
public class RedisEventFeedTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("callmonitor-redis-feed-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishAsync_SeveralEvents_ReadBackInOrderAfterAnyPosition(CancellationToken ct)
    {
        await using var redis = await RedisServer.StartAsync(ct);
        await using var feed = await RedisNode.OpenAsync(redis.Configuration, _folder, ct);
        var records = Enumerable.Range(0, 7).Select(i => RedisNode.Event(i % 2 == 0 ? "even" : "odd", i)).ToList();
        var positions = new List<long>();
        foreach (var record in records)
        {
            positions.Add(await feed.PublishAsync(record, ct));
        }

        var all = await feed.ReadAfterAsync(0, EventFilter.All, 100, ct);
        var afterThird = await feed.ReadAfterAsync(positions[2], EventFilter.All, 100, ct);
        var odd = await feed.ReadAfterAsync(0, new EventFilter { Teams = ["odd"] }, 2, ct);
        Assert.Multiple(async () =>
        {
            Assert.That(positions, Is.Ordered.Ascending.And.Unique.And.All.GreaterThan(0));
            Assert.That(all.Select(e => e.Record), Is.EqualTo(records), "every field comes back as published, in order");
            Assert.That(all.Select(e => e.Position), Is.EqualTo(positions));
            Assert.That(afterThird.Select(e => e.Position), Is.EqualTo(positions.Skip(3)));
            Assert.That(odd.Select(e => e.Record.EventId), Is.EqualTo(records.Where(r => r.Team == "odd").Take(2).Select(r => r.EventId)), "filter and limit");
            Assert.That(await feed.GetHeadPositionAsync(ct), Is.EqualTo(positions[^1]));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishAsync_SameEventIdTwice_StoredOnceAtTheFirstPosition(CancellationToken ct)
    {
        await using var redis = await RedisServer.StartAsync(ct);
        await using var feed = await RedisNode.OpenAsync(redis.Configuration, _folder, ct);
        var record = RedisNode.Event("t", 1);

        var first = await feed.PublishAsync(record, ct);
        var again = await feed.PublishAsync(record, ct);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(await feed.ReadAfterAsync(0, EventFilter.All, 100, ct), Has.Count.EqualTo(1));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Subscribe_OnAnotherNode_ReceivesThisNodesEventsInOrder(CancellationToken ct)
    {
        await using var redis = await RedisServer.StartAsync(ct);
        await using var nodeA = await RedisNode.OpenAsync(redis.Configuration, Path.Combine(_folder, "a"), ct);
        await using var nodeB = await RedisNode.OpenAsync(redis.Configuration, Path.Combine(_folder, "b"), ct);
        using var onB = nodeB.Subscribe(new EventFilter { Teams = ["wanted"] }, 100);

        var positions = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            var position = await nodeA.PublishAsync(RedisNode.Event(i % 4 == 0 ? "other" : "wanted", i), ct);
            if (i % 4 != 0)
            {
                positions.Add(position);
            }
        }

        var received = await RedisNode.ReceiveAsync(onB, positions.Count, TimeSpan.FromSeconds(10), ct);
        Assert.That(received.Select(e => e.Position), Is.EqualTo(positions), "node B's subscriber gets node A's events of its team, in order");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ReadAfterAsync_RedisDown_EventFeedUnavailable(CancellationToken ct)
    {
        await using var redis = await RedisServer.StartAsync(ct);
        await using var feed = await RedisNode.OpenAsync(redis.Configuration, _folder, ct);
        await redis.KillAsync();

        Assert.That(
            async () => await feed.ReadAfterAsync(0, EventFilter.All, 10, ct),
            Throws.TypeOf<Server.Events.EventFeedUnavailableException>().With.Message.Contains($"127.0.0.1:{redis.Port}"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ReadAndFollow_EntryNotWrittenByCallMonitor_Skipped(CancellationToken ct)
    {
        await using var redis = await RedisServer.StartAsync(ct);
        await using var feed = await RedisNode.OpenAsync(redis.Configuration, _folder, ct);
        using var live = feed.Subscribe(EventFilter.All, 10);
        await using var other = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration);

        var first = await feed.PublishAsync(RedisNode.Event("t", 1), ct);
        await other.GetDatabase().StreamAddAsync(RedisNode.Options(redis.Configuration).StreamKey, "someone", "else");
        var second = await feed.PublishAsync(RedisNode.Event("t", 2), ct);

        var read = await feed.ReadAfterAsync(0, EventFilter.All, 10, ct);
        var followed = await RedisNode.ReceiveAsync(live, 2, TimeSpan.FromSeconds(10), ct);
        Assert.Multiple(() =>
        {
            Assert.That(read.Select(e => e.Position), Is.EqualTo(new[] { first, second }));
            Assert.That(followed.Select(e => e.Position), Is.EqualTo(new[] { first, second }));
        });
    }
}
