using CallMonitor.Domain.Calls;
using CallMonitor.Server.Audio;
using CallMonitor.Server.Calls;
using CallMonitor.Server.Limits;
using CallMonitor.Server.Observability;
using CallMonitor.Server.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallMonitor.Server.Tests.Limits;

/// <summary>Stream slots per key: counted, refused beyond the limit with a message that says what to do, given back once.</summary>
public class CallLimiterTests
{
    private static readonly LimitKey Desk = new("key:DESK-1", "key 'desk-1'");
    private static readonly LimitKey Other = new("key:DESK-2", "key 'desk-2'");

    private ServerMetrics _metrics = null!;

    [SetUp]
    public void CreateMetrics() => _metrics = new ServerMetrics();

    [TearDown]
    public void DisposeMetrics() => _metrics.Dispose();

    [Test]
    public void EnterCall_OneOverTheLimit_ResourceExhaustedNamingKeyLimitAndOption()
    {
        var limiter = Limiter(new CallLimitOptions { MaxCallsPerKey = 3 });
        var held = Enumerable.Range(0, 3).Select(_ => limiter.EnterCall(Desk)).ToList();

        var error = Assert.Throws<RpcException>(() => limiter.EnterCall(Desk));
        using var otherKey = limiter.EnterCall(Other);

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted));
            Assert.That(error.Status.Detail, Does.Contain("key 'desk-1'").And.Contain("3 call streams").And.Contain("--max-calls-per-key"));
            Assert.That(limiter.OpenCalls(Desk.Id), Is.EqualTo(3));
            Assert.That(limiter.OpenCalls(Other.Id), Is.EqualTo(1));
        });
        held.ForEach(p => p.Dispose());
    }

    [Test]
    public void Dispose_Twice_SlotGivenBackOnce()
    {
        var limiter = Limiter(new CallLimitOptions { MaxCallsPerKey = 2 });
        using var kept = limiter.EnterCall(Desk);
        var released = limiter.EnterCall(Desk);

        released.Dispose();
        released.Dispose();
        using var again = limiter.EnterCall(Desk);

        Assert.Multiple(() =>
        {
            Assert.That(limiter.OpenCalls(Desk.Id), Is.EqualTo(2));
            Assert.Throws<RpcException>(() => limiter.EnterCall(Desk), "the double release freed a slot that is in use");
        });
    }

    [Test]
    public void EnterSubscription_CountedApartFromCalls()
    {
        var limiter = Limiter(new CallLimitOptions { MaxCallsPerKey = 1, MaxSubscriptionsPerKey = 2 });
        using var call = limiter.EnterCall(Desk);
        using var first = limiter.EnterSubscription(Desk);
        using var second = limiter.EnterSubscription(Desk);

        var error = Assert.Throws<RpcException>(() => limiter.EnterSubscription(Desk));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted));
            Assert.That(error.Status.Detail, Does.Contain("2 subscriptions").And.Contain("--max-subscriptions-per-key"));
            Assert.That(limiter.OpenSubscriptions(Desk.Id), Is.EqualTo(2));
            Assert.That(limiter.OpenCalls(Desk.Id), Is.EqualTo(1));
        });
    }

    [Test]
    public void EnterCall_LimitZero_NoLimit()
    {
        var limiter = Limiter(new CallLimitOptions { MaxCallsPerKey = 0, MaxSubscriptionsPerKey = 0 });

        var calls = Enumerable.Range(0, 1000).Select(_ => limiter.EnterCall(Desk)).ToList();
        var subscriptions = Enumerable.Range(0, 1000).Select(_ => limiter.EnterSubscription(Desk)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(limiter.OpenCalls(Desk.Id), Is.EqualTo(1000));
            Assert.That(limiter.OpenSubscriptions(Desk.Id), Is.EqualTo(1000));
        });
        calls.ForEach(c => c.Dispose());
        subscriptions.ForEach(s => s.Dispose());
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task LeaveCall_InDebt_DebtOutlivesTheCallUntilRefilled(CancellationToken ct)
    {
        var time = new FakeTimeProvider();
        var limiter = new CallLimiter(
            new CallLimitOptions { MaxSpeed = 1, SpeedBurst = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.Zero }, time, _metrics, NullLogger<CallLimiter>.Instance);
        using (var permit = limiter.EnterCall(Desk))
        {
            // 20 s of audio (8 kHz 16-bit mono) at once: the 10 s burst, then 10 s of debt when the next frame is asked for.
            var frames = new QueuedFrames();
            frames.Add(CallFrames.TextCallStart("c", "a1", "t1"), CallFrames.Audio(new byte[160_000]), CallFrames.Audio(new byte[160_000]));
            var reader = permit.Read(frames);
            await reader.MoveNext(ct);
            reader.Started(new CallStartInfo("c", "a1", "t1", null, new WireAudioFormat(WireEncoding.Pcm16, 8000, ChannelLayout.Mono)));
            await reader.MoveNext(ct);
            await reader.MoveNext(ct);
            using var leaving = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var held = reader.MoveNext(leaving.Token);
            await leaving.CancelAsync(); // the client goes while held back
            Assert.CatchAsync<OperationCanceledException>(async () => await held);
        }

        var rememberedAfterClose = limiter.Charged(Desk.Id);
        time.Advance(TimeSpan.FromSeconds(20)); // 10 s to pay the debt, 10 s to refill the burst
        limiter.EnterCall(Desk).Dispose(); // leaving with a full bucket forgets the caller

        Assert.Multiple(() =>
        {
            Assert.That(rememberedAfterClose, Is.EqualTo(20).Within(1e-9), "closing every stream wiped the debt");
            Assert.That(limiter.Charged(Desk.Id), Is.Zero, "a caller with nothing open and a full bucket is still kept");
        });
    }

    [Test]
    public void EnterCall_ManyRealTimeCallsOnOneKey_NeverInDebt()
    {
        // A telephony gateway: 40 live calls on one key, each sending 100 ms of audio every 100 ms, with a budget of 1
        // beyond that and a burst that holds one chunk of every call.
        var time = new FakeTimeProvider();
        var limiter = new CallLimiter(
            new CallLimitOptions { MaxCallsPerKey = 0, MaxSpeed = 1, SpeedBurst = TimeSpan.FromSeconds(5) }, time, _metrics, NullLogger<CallLimiter>.Instance);
        var permits = Enumerable.Range(0, 40).Select(_ => limiter.EnterCall(Desk)).ToList();
        var bucket = permits[0].Bucket!;
        var worst = TimeSpan.Zero;
        for (var tick = 0; tick < 600; tick++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            for (var call = 0; call < permits.Count; call++)
            {
                var wait = bucket.Take(0.1);
                worst = wait > worst ? wait : worst;
            }
        }

        permits.ForEach(p => p.Dispose());
        Assert.That(worst, Is.EqualTo(TimeSpan.Zero), "live calls were slowed");
    }

    [TestCase(-1, 16, 32.0)]
    [TestCase(64, -1, 32.0)]
    [TestCase(64, 16, -1.0)]
    [TestCase(64, 16, double.NaN)]
    public void Validate_BadLimit_ArgumentOutOfRange(int calls, int subscriptions, double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CallLimitOptions { MaxCallsPerKey = calls, MaxSubscriptionsPerKey = subscriptions, MaxSpeed = speed }.Validate());

    private CallLimiter Limiter(CallLimitOptions options) => new(options, new FakeTimeProvider(), _metrics, NullLogger<CallLimiter>.Instance);
}
