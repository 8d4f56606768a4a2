using CallMonitor.Contracts.V1;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Limits;
using CallMonitor.Server.Security;
using CallMonitor.Server.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CallMonitor.Server.Tests.Limits;

/// <summary>Open streams counted per key on the real server: one too many is refused, other keys go on, slots come back.</summary>
[Category("Integration")]
public class StreamCountLimitTests
{
    private const int Limit = 3;

    [Test]
    [CancelAfter(60_000)]
    public async Task StreamCall_KeyOpensOneMoreSilentStreamThanItsLimit_RefusedWhileAnotherKeysCallCompletes(CancellationToken ct)
    {
        await using var keyed = await KeyedLimitServer.StartAsync(new CallLimitOptions { MaxCallsPerKey = Limit, StartTimeout = TimeSpan.Zero }, ct);
        var a1 = LimitKey.For(KeyedLimitServer.DeskA1, string.Empty).Id;
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var silent = Enumerable.Range(0, Limit).Select(_ => keyed.Server.Calls.StreamCall(keyed.As(KeyedLimitServer.DeskA1), cancellationToken: silence.Token)).ToList();
        await LimitWait.UntilAsync(() => keyed.Limiter.OpenCalls(a1) == Limit, ct);

        using var extra = keyed.Server.Calls.StreamCall(keyed.As(KeyedLimitServer.DeskA1), cancellationToken: ct);
        var refused = Assert.ThrowsAsync<RpcException>(async () => await extra.ResponseStream.MoveNext(ct));
        var neighbour = await TextCalls.StreamAsync(keyed.Server.Calls, TextCalls.Rude("other-key", "a2", "north"), ct, keyed.As(KeyedLimitServer.DeskA2));

        Assert.Multiple(() =>
        {
            Assert.That(refused!.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted));
            Assert.That(refused.Status.Detail, Does.Contain("'desk-a1'").And.Contain($"{Limit} call streams").And.Contain("--max-calls-per-key"));
            Assert.That(refused.Status.Detail, Does.Not.Contain(keyed.SecretOf(KeyedLimitServer.DeskA1)), "the message gives the key away");
            Assert.That(neighbour.Any(u => u.Report is not null), Is.True, "another key's call got no report");
            Assert.That(keyed.Limiter.OpenCalls(a1), Is.EqualTo(Limit), "the refused stream kept a slot");
        });

        // The client gives up on its silent streams: every slot comes back and the key may stream again.
        await silence.CancelAsync();
        silent.ForEach(call => call.Dispose());
        await LimitWait.UntilAsync(() => keyed.Limiter.OpenCalls(a1) == 0, ct);
        var again = await TextCalls.StreamAsync(keyed.Server.Calls, TextCalls.Rude("same-key-again", "a1", "north"), ct, keyed.As(KeyedLimitServer.DeskA1));
        Assert.That(again.Any(u => u.Report is not null), Is.True, "the key could not stream after its streams ended");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Subscribe_OneMoreThanItsLimit_RefusedAndCountedApartFromCalls(CancellationToken ct)
    {
        await using var keyed = await KeyedLimitServer.StartAsync(new CallLimitOptions { MaxCallsPerKey = 1, MaxSubscriptionsPerKey = 2 }, ct);
        var ops = LimitKey.For(KeyedLimitServer.Ops, string.Empty).Id;
        var request = new SubscribeRequest { SinceStart = true };
        await using var first = Subscription.Open(keyed.Server.Supervision, request, ct, keyed.As(KeyedLimitServer.Ops));
        var second = Subscription.Open(keyed.Server.Supervision, request, ct, keyed.As(KeyedLimitServer.Ops));
        await LimitWait.UntilAsync(() => keyed.Limiter.OpenSubscriptions(ops) == 2, ct);

        await using var third = Subscription.Open(keyed.Server.Supervision, request, ct, keyed.As(KeyedLimitServer.Ops));
        await LimitWait.UntilAsync(() => third.Ended, ct);
        var call = await TextCalls.StreamAsync(keyed.Server.Calls, TextCalls.Rude("ops-call", "a1", "north"), ct, keyed.As(KeyedLimitServer.Ops));
        await second.DisposeAsync();
        await LimitWait.UntilAsync(() => keyed.Limiter.OpenSubscriptions(ops) == 1, ct);
        await using var fourth = Subscription.Open(keyed.Server.Supervision, request, ct, keyed.As(KeyedLimitServer.Ops));
        await fourth.UntilAsync(e => e.Lifecycle is { Kind: "report_ready", CallId: "ops-call" }, ct);

        Assert.Multiple(() =>
        {
            Assert.That((third.Error as RpcException)?.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted), third.Error?.Message);
            Assert.That(third.Error!.Message, Does.Contain("'ops'").And.Contain("2 subscriptions").And.Contain("--max-subscriptions-per-key"));
            Assert.That(call.Any(u => u.Report is not null), Is.True, "a call of a key at its subscription limit was refused");
            Assert.That(fourth.Error, Is.Null, "a subscription after one closed was refused");
            Assert.That(fourth.Events.Any(e => e.Lifecycle is { CallId: "ops-call" }), Is.True);
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task StreamCall_NoLimit_SeventyCallsAtOnceFromOneAddressAllComplete(CancellationToken ct)
    {
        const int Calls = 70; // more than the default limit of 64
        var limits = new CallLimitOptions { MaxCallsPerKey = 0, MaxSpeed = 0 };
        await using var server = await LoopbackServer.StartAsync(ct, new ServerOptions { Engines = ["none"], Limits = limits });
        var limiter = server.Services.GetRequiredService<CallLimiter>();
        var here = LimitKey.For(CallerIdentity.Open, "ipv4:127.0.0.1:1").Id;
        var streams = Enumerable.Range(0, Calls).Select(_ => server.Calls.StreamCall(cancellationToken: ct)).ToList();
        for (var i = 0; i < Calls; i++)
        {
            await streams[i].RequestStream.WriteAsync(TextCalls.Rude($"many-{i}", "a1", "t1")[0], ct);
        }

        await LimitWait.UntilAsync(() => limiter.OpenCalls(here) == Calls, ct);
        var reports = await Task.WhenAll(streams.Select((call, i) => FinishAsync(call, $"many-{i}", ct)));
        streams.ForEach(call => call.Dispose());

        Assert.That(reports, Is.All.True, "some of the calls got no report");
    }

    private static async Task<bool> FinishAsync(AsyncDuplexStreamingCall<CallFrame, CallUpdate> call, string callId, CancellationToken ct)
    {
        foreach (var frame in TextCalls.Rude(callId, "a1", "t1").Skip(1))
        {
            await call.RequestStream.WriteAsync(frame, ct);
        }

        await call.RequestStream.CompleteAsync();
        var report = false;
        await foreach (var update in call.ResponseStream.ReadAllAsync(ct))
        {
            report |= update.Report is not null;
        }

        return report;
    }
}
