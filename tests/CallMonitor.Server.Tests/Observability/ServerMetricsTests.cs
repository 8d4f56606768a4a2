using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CallMonitor.Contracts.V1;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Observability;
using CallMonitor.Server.Tests.Support;

namespace CallMonitor.Server.Tests.Observability;

/// <summary>The service's meters, read with a MeterListener while real calls and a subscription run on the real server.</summary>
[Category("Integration")]
public class ServerMetricsTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Meters_CallsAndSubscription_CountedAsTheyHappen(CancellationToken ct)
    {
        await using var server = await LoopbackServer.StartAsync(ct, new ServerOptions { Engines = ["none"] });
        var totals = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServerMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();

        await using (var subscription = Subscription.Open(server.Supervision, new SubscribeRequest { Teams = { "m" }, SinceStart = true }, ct))
        {
            await TextCalls.StreamAsync(server.Calls, TextCalls.Rude("metrics-1", "m1", "m"), ct);
            await TextCalls.StreamAsync(server.Calls, TextCalls.Rude("metrics-2", "m1", "m"), ct);
            await subscription.UntilAsync(e => e.Lifecycle is { Kind: "report_ready", CallId: "metrics-2" }, ct);
            Assert.That(totals.GetValueOrDefault("callmonitor.subscribers.active"), Is.EqualTo(1), "one subscription open");
        }

        var duplicate = Assert.CatchAsync<Grpc.Core.RpcException>(() => TextCalls.StreamAsync(server.Calls, TextCalls.Rude("metrics-1", "m1", "m"), ct));
        while (totals.GetValueOrDefault("callmonitor.subscribers.active") != 0)
        {
            await Task.Delay(20, ct);
        }

        Assert.Multiple(() =>
        {
            Assert.That(duplicate!.StatusCode, Is.EqualTo(Grpc.Core.StatusCode.AlreadyExists));
            Assert.That(totals.GetValueOrDefault("callmonitor.calls.started"), Is.EqualTo(2));
            Assert.That(totals.GetValueOrDefault("callmonitor.calls.in_progress"), Is.Zero, "every started call ended");
            Assert.That(totals.GetValueOrDefault("callmonitor.calls.rejected"), Is.EqualTo(1), "the reused call id");
            Assert.That(totals.GetValueOrDefault("callmonitor.events.published"), Is.GreaterThanOrEqualTo(2 * 4), "start, violations, end, report of two calls");
        });
    }
}
