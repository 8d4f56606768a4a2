using CallMonitor.Contracts.V1;
using CallMonitor.Server.Events;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Tests.Support;
using CallMonitor.Storage.Events;

namespace CallMonitor.Server.Tests.Supervision;

/// <summary>
/// A subscriber that stops reading: events keep being stored, another subscriber gets all of them, and the stalled one
/// is told it fell behind and resumes from its position without loss or duplicates.
/// </summary>
/// <remarks>
/// The publisher keeps at most <see cref="InFlight"/> events ahead of the reading subscriber (fewer than its queue
/// holds), so that subscriber can only fall behind if the stalled one holds it back. An unpaced burst would measure
/// whether loopback gRPC outruns an in-process SQLite append loop, which depends on the machine, not on the server.
/// </remarks>
[Category("Integration")]
public class SlowSubscriberTests
{
    private const int Burst = 5000;
    private const int Capacity = 256;
    private const int InFlight = Capacity / 2;

    [Test]
    [CancelAfter(180_000)]
    public async Task Subscribe_SubscriberStopsReading_ToldItFellBehindAndResumesExactly(CancellationToken ct)
    {
        await using var server = await LoopbackServer.StartAsync(ct, new ServerOptions { Engines = ["none"], SubscriberQueueCapacity = Capacity });
        var request = new SubscribeRequest { Teams = { "flood" }, SinceStart = true };

        // The stalled subscriber: the stream is open and the server is sending, but nothing reads it.
        using var stalled = server.Supervision.Subscribe(request, cancellationToken: ct);
        await using var reader = Subscription.Open(server.Supervision, request, ct);
        Assert.That(await stalled.ResponseHeadersAsync, Is.Not.Null);

        var published = new List<long>();
        for (var i = 0; i < Burst; i++)
        {
            while (i - reader.Count >= InFlight && !reader.Ended)
            {
                await Task.Delay(1, ct);
            }

            var record = EventRecords.Lifecycle($"flood-call-{i / 100}", "f1", "flood", i % 100, EventKind.CallStarted, partial: false, DateTimeOffset.UtcNow);
            published.Add(await server.Storage.Events.PublishAsync(record, ct));
        }

        var firstPass = new List<ViolationEvent>();
        while (await stalled.ResponseStream.MoveNext(ct))
        {
            firstPass.Add(stalled.ResponseStream.Current);
        }

        var behind = firstPass[^1].FellBehind;
        var received = firstPass.Where(e => e.FellBehind is null).ToList();
        await using var resumed = Subscription.Open(server.Supervision, new SubscribeRequest { Teams = { "flood" }, AfterPosition = behind?.ResumeAfter ?? 0 }, ct);
        var rest = await resumed.UntilAsync(e => e.Position == published[^1], ct);
        var all = await reader.UntilAsync(e => e.Position == published[^1], ct);

        Assert.Multiple(() =>
        {
            Assert.That(behind, Is.Not.Null, "the stalled subscriber was not told it fell behind");
            Assert.That(behind!.ResumeAfter, Is.EqualTo(received[^1].Position), "resume after the last event it received");
            Assert.That(behind.Dropped, Is.GreaterThan(0));
            Assert.That(received.Count, Is.LessThan(Burst), "the stalled subscriber was never behind");
            Assert.That(received.Concat(rest).Select(e => e.Position), Is.EqualTo(published), "first pass + resume = every event once, in order");
            Assert.That(all.Select(e => e.Position), Is.EqualTo(published), "the reading subscriber got everything");
            Assert.That(all.Where(e => e.FellBehind is not null), Is.Empty, "the reading subscriber was held back by the stalled one");
        });
    }
}
