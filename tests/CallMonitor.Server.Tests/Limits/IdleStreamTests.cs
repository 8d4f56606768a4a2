using CallMonitor.Server.Hosting;
using CallMonitor.Server.Limits;
using CallMonitor.Server.Security;
using CallMonitor.Server.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CallMonitor.Server.Tests.Limits;

/// <summary>
/// Streams that go quiet on the real server: ended with DeadlineExceeded after the (short) timeout, what was analysed
/// kept, and the slot free again (one call per caller here, so the next call proves it).
/// </summary>
[Category("Integration")]
public class IdleStreamTests
{
    private static readonly CallLimitOptions Short = new() { MaxCallsPerKey = 1, StartTimeout = TimeSpan.FromSeconds(1), IdleTimeout = TimeSpan.FromSeconds(1.5) };

    private LoopbackServer _server = null!;
    private CallLimiter _limiter = null!;
    private string _here = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        _server = await LoopbackServer.StartAsync(timeout.Token, new ServerOptions { Engines = ["none"], Limits = Short });
        _limiter = _server.Services.GetRequiredService<CallLimiter>();
        _here = LimitKey.For(CallerIdentity.Open, "ipv4:127.0.0.1:1").Id;
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    [CancelAfter(60_000)]
    public async Task StreamCall_NoCallStart_DeadlineExceededThenTheSlotIsFree(CancellationToken ct)
    {
        using var silent = _server.Calls.StreamCall(cancellationToken: ct);

        var error = Assert.ThrowsAsync<RpcException>(async () => await silent.ResponseStream.MoveNext(ct));
        await LimitWait.UntilAsync(() => _limiter.OpenCalls(_here) == 0, ct);
        var next = await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("after-silent", "a1", "t1"), ct);

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.DeadlineExceeded));
            Assert.That(error.Status.Detail, Does.Contain("no CallStart within 1 s"));
            Assert.That(next.Any(u => u.Report is not null), Is.True, "the slot of the ended stream was not given back");
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task StreamCall_QuietAfterSomeOfTheCall_DeadlineExceededPartialReportKeptSlotFree(CancellationToken ct)
    {
        using var call = _server.Calls.StreamCall(cancellationToken: ct);
        foreach (var frame in TextCalls.Rude("went-quiet", "a1", "t1").SkipLast(1))
        {
            await call.RequestStream.WriteAsync(frame, ct);
        }

        var started = DateTime.UtcNow;
        var error = Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(ct))
            {
            }
        });
        var quietFor = DateTime.UtcNow - started;
        var stored = await _server.Storage.Calls.GetCallAsync("went-quiet", ct);
        var report = await _server.Storage.Reports.GetReportAsync("went-quiet", ct);
        await LimitWait.UntilAsync(() => _limiter.OpenCalls(_here) == 0, ct);
        var next = await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("after-quiet", "a1", "t1"), ct);

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.DeadlineExceeded));
            Assert.That(error.Status.Detail, Does.Contain("call went-quiet: no frame for 1.5 s").And.Contain("partial report"));
            Assert.That(quietFor, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.4)), "ended before the idle timeout");
            Assert.That(stored, Is.Not.Null.And.Property("Partial").True);
            Assert.That(report, Is.Not.Null, "what was analysed was not kept");
            Assert.That(report!.Json, Does.Contain("你问我我问谁").Or.Contain("forbidden_phrase"), "the partial report lacks what the call said");
            Assert.That(next.Any(u => u.Report is not null), Is.True, "the slot of the ended call was not given back");
        });
    }
}
