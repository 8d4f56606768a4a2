using System.Text.Json;
using CallMonitor.Cli.Client;
using CallMonitor.Contracts.V1;
using CallMonitor.TestKit.Timeouts;
using Grpc.Core;

namespace CallMonitor.Cli.Tests.Client;

/// <summary>
/// The resume logic of <c>watch</c> against <see cref="SupervisionDouble"/> on Kestrel loopback: fall-behinds, dropped
/// connections, a server that is not up yet, and failures retrying cannot mend.
/// </summary>
[Category("Integration")]
public class SupervisionWatcherTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [TestCase(ScriptEnd.Drop)]
    [TestCase(ScriptEnd.Reset)]
    [CancelAfter(60_000)]
    public async Task RunAsync_FellBehindThenConnectionLost_ResumesAfterTheLastPrintedAndPrintsEachEventOnce(ScriptEnd loss, CancellationToken token)
    {
        // Lines: events 1-3, the fall-behind, events 4-5; the connection is lost once they are printed.
        var output = new SynchronizedWriter();
        var server = new SupervisionDouble(logLength: 8,
        [
            new SubscriptionScript(3, ScriptEnd.FallBehind),
            new SubscriptionScript(2, loss, Replayed: 1, EndWhen: output.WaitForLinesAsync(6, token)),
            SubscriptionScript.SendAndHold(3),
        ]);
        await using var host = await LoopbackGrpcHost.StartAsync(server, token);
        var run = await WatchAsync(host, new WatchOptions { SinceStart = true, Count = 8 }, output, token);

        var printed = run.Lines.Where(l => l.GetProperty("kind").GetString() is "violation" or "lifecycle").ToList();
        var requests = server.Requests.Select(r => (r.Request.AfterPosition, r.Request.SinceStart)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(run.Stop, Is.EqualTo(WatchStop.CountReached));
            Assert.That(printed.Select(l => l.GetProperty("position").GetInt64()), Is.EqualTo(Enumerable.Range(1, 8).Select(p => (long)p)), "every event once, in order (the replayed 3 refused)");
            Assert.That(printed.Select(l => l.GetProperty("eventId").GetString()), Is.EqualTo(server.Log.Select(e => e.EventId)));
            Assert.That(requests, Is.EqualTo(new[] { (0L, true), (3L, false), (5L, false) }), "resumed after the last printed position");
            Assert.That(run.Lines[3].GetProperty("kind").GetString(), Is.EqualTo("fellBehind"), "the fall-behind is printed where it happened");
            Assert.That(run.Lines.Count(l => l.GetProperty("kind").GetString() == "fellBehind"), Is.EqualTo(1));
            Assert.That(run.Diagnostics, Does.Contain("subscription lost").And.Contain("resuming after position 5"), "the loss is told on stderr");
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_FellBehindBeforeAnyEvent_ResumesAfterTheServersPosition(CancellationToken token)
    {
        var server = new SupervisionDouble(logLength: 12, [new SubscriptionScript(0, ScriptEnd.FallBehind, ResumeAfter: 10)]);
        await using var host = await LoopbackGrpcHost.StartAsync(server, token);

        var run = await WatchAsync(host, new WatchOptions { Count = 2 }, token);

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests.Select(r => r.Request.AfterPosition), Is.EqualTo(new[] { 0L, 10L }));
            Assert.That(run.Lines.Where(l => l.TryGetProperty("position", out _)).Select(l => l.GetProperty("position").GetInt64()), Is.EqualTo(new[] { 11L, 12L }));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_ServerNotUpYet_RetriesWithBackoffUntilItAnswers(CancellationToken token)
    {
        var port = LoopbackGrpcHost.FreePort();
        var server = new SupervisionDouble(logLength: 2, []);
        var output = new StringWriter();
        var diagnostics = new SynchronizedWriter();
        using var connection = ServerConnection.Open($"http://127.0.0.1:{port}", apiKey: null);
        var watcher = new SupervisionWatcher(new Supervision.SupervisionClient(connection.Channel), connection.Headers, new JsonLineWriter(output), diagnostics, TimeProvider.System);
        var watching = watcher.RunAsync(new WatchOptions { SinceStart = true, Count = 2, RetryDelay = TimeSpan.FromMilliseconds(50) }, token);

        await diagnostics.WaitForLinesAsync(2, token).WithTimeout(Bound, "two failed attempts");
        await using var host = await LoopbackGrpcHost.StartAsync(server, token, port);
        var stop = await watching.WithTimeout(Bound, "watch after the server came up");

        Assert.Multiple(() =>
        {
            Assert.That(stop, Is.EqualTo(WatchStop.CountReached));
            Assert.That(watcher.Subscriptions, Is.GreaterThanOrEqualTo(3));
            Assert.That(diagnostics.ToString(), Does.Contain("Unavailable"));
            Assert.That(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2));
        });
    }

    [TestCase(StatusCode.Unauthenticated)]
    [TestCase(StatusCode.PermissionDenied)]
    [TestCase(StatusCode.InvalidArgument)]
    [CancelAfter(60_000)]
    public async Task RunAsync_FailureRetryCannotMend_ThrownAfterOneAttempt(StatusCode status, CancellationToken token)
    {
        var server = new SupervisionDouble(logLength: 2, [SubscriptionScript.Fail(status)]);
        await using var host = await LoopbackGrpcHost.StartAsync(server, token);

        var failure = Assert.ThrowsAsync<RpcException>(() => WatchAsync(host, new WatchOptions { Count = 1 }, token));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.StatusCode, Is.EqualTo(status));
            Assert.That(server.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RunAsync_UntilIdle_StopsWhenTheStreamGoesQuiet(CancellationToken token)
    {
        var server = new SupervisionDouble(logLength: 3, []);
        await using var host = await LoopbackGrpcHost.StartAsync(server, token);

        var run = await WatchAsync(host, new WatchOptions { SinceStart = true, UntilIdle = TimeSpan.FromMilliseconds(500) }, token);

        Assert.Multiple(() =>
        {
            Assert.That(run.Stop, Is.EqualTo(WatchStop.Idle));
            Assert.That(run.Lines, Has.Count.EqualTo(3));
        });
    }

    private static Task<WatchRun> WatchAsync(LoopbackGrpcHost host, WatchOptions options, CancellationToken token) =>
        WatchAsync(host, options, new SynchronizedWriter(), token);

    private static async Task<WatchRun> WatchAsync(LoopbackGrpcHost host, WatchOptions options, SynchronizedWriter output, CancellationToken token)
    {
        var diagnostics = new StringWriter();
        using var connection = ServerConnection.Open(host.Address.ToString(), apiKey: null);
        var watcher = new SupervisionWatcher(new Supervision.SupervisionClient(connection.Channel), connection.Headers, new JsonLineWriter(output), diagnostics, TimeProvider.System);
        WatchStop stop;
        try
        {
            stop = await watcher.RunAsync(options with { RetryDelay = TimeSpan.FromMilliseconds(50) }, token).WithTimeout(Bound, "watch");
        }
        catch (TimeoutException e)
        {
            throw new AssertionException($"{e.Message}; {watcher.Subscriptions} subscriptions; printed:\n{output}\nstderr:\n{diagnostics}", e);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return new WatchRun(stop, lines, diagnostics.ToString());
    }

    private sealed record WatchRun(WatchStop Stop, List<JsonElement> Lines, string Diagnostics);
}
