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

/// <summary>A call's frames read under the limits, on a fake clock: idle timeouts and the speed budget's waits.</summary>
public class LimitedCallReaderTests
{
    private static readonly LimitKey Desk = new("key:DESK-1", "key 'desk-1'");

    /// <summary>8 kHz 16-bit mono: 16,000 bytes are one second.</summary>
    private static readonly CallStartInfo Start = new("call-1", "a1", "t1", null, new WireAudioFormat(WireEncoding.Pcm16, 8000, ChannelLayout.Mono));

    private FakeTimeProvider _time = null!;
    private ServerMetrics _metrics = null!;

    [SetUp]
    public void CreateClock()
    {
        _time = new FakeTimeProvider();
        _metrics = new ServerMetrics();
    }

    [TearDown]
    public void DisposeMetrics() => _metrics.Dispose();

    [Test]
    [CancelAfter(10_000)]
    public async Task MoveNext_NoCallStartWithinStartTimeout_DeadlineExceededSayingSo(CancellationToken ct)
    {
        var frames = new QueuedFrames();
        var reader = Limiter(new CallLimitOptions { StartTimeout = TimeSpan.FromSeconds(10) }).EnterCall(Desk).Read(frames);

        var read = reader.MoveNext(ct);
        _time.Advance(TimeSpan.FromSeconds(9.9));
        var beforeTimeout = read.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var error = Assert.ThrowsAsync<RpcException>(async () => await read.WaitAsync(ct));

        Assert.Multiple(() =>
        {
            Assert.That(beforeTimeout, Is.False, "ended before the start timeout");
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.DeadlineExceeded));
            Assert.That(error.Status.Detail, Does.Contain("no CallStart within 10 s"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task MoveNext_SilentAfterStart_DeadlineExceededAfterIdleTimeoutNamingTheCall(CancellationToken ct)
    {
        var frames = new QueuedFrames();
        var reader = Limiter(new CallLimitOptions { StartTimeout = TimeSpan.FromSeconds(1), IdleTimeout = TimeSpan.FromSeconds(30) }).EnterCall(Desk).Read(frames);
        frames.Add(CallFrames.TextCallStart("call-1", "a1", "t1"), CallFrames.Audio(new byte[1600]));
        Assert.That(await reader.MoveNext(ct), Is.True);
        reader.Started(Start);
        _time.Advance(TimeSpan.FromSeconds(5)); // the call may take its time between frames, up to the idle timeout
        Assert.That(await reader.MoveNext(ct), Is.True);

        var read = reader.MoveNext(ct);
        _time.Advance(TimeSpan.FromSeconds(29));
        var beforeTimeout = read.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(1));
        var error = Assert.ThrowsAsync<RpcException>(async () => await read.WaitAsync(ct));

        Assert.Multiple(() =>
        {
            Assert.That(beforeTimeout, Is.False);
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.DeadlineExceeded));
            Assert.That(error.Status.Detail, Does.Contain("call call-1: no frame for 30 s").And.Contain("--idle-timeout"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task MoveNext_NoTimeouts_WaitsForTheClientAsLongAsItTakes(CancellationToken ct)
    {
        var frames = new QueuedFrames();
        var reader = Limiter(new CallLimitOptions { StartTimeout = TimeSpan.Zero, IdleTimeout = TimeSpan.Zero }).EnterCall(Desk).Read(frames);

        var read = reader.MoveNext(ct);
        _time.Advance(TimeSpan.FromDays(1));
        var afterADay = read.IsCompleted;
        frames.Add(CallFrames.TextCallStart("call-1", "a1", "t1"));

        Assert.Multiple(async () =>
        {
            Assert.That(afterADay, Is.False);
            Assert.That(await read.WaitAsync(ct), Is.True);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task MoveNext_OverTheSpeedBudget_NextFrameReadOnlyWhenTheDebtIsPaid(CancellationToken ct)
    {
        var frames = new QueuedFrames();
        var limits = new CallLimitOptions { MaxSpeed = 2, SpeedBurst = TimeSpan.FromSeconds(1), IdleTimeout = TimeSpan.Zero };
        var reader = Limiter(limits).EnterCall(Desk).Read(frames);
        frames.Add(CallFrames.TextCallStart("call-1", "a1", "t1"), CallFrames.Audio(new byte[16000]), CallFrames.Audio(new byte[16000]), CallFrames.Audio(new byte[16000]));
        await reader.MoveNext(ct);
        reader.Started(Start);

        Assert.That(await reader.MoveNext(ct), Is.True, "first second of audio");
        Assert.That(await reader.MoveNext(ct), Is.True, "the first second fits the 1 s burst");
        // The second second is 1 s over: paid at 3 s per second (the budget of 2 + this open call's real time), 1/3 s.
        var third = reader.MoveNext(ct);
        var readsWhileHeld = frames.Reads;
        _time.Advance(TimeSpan.FromSeconds(0.32));
        var heldBeforeDebtPaid = !third.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(0.02));

        Assert.Multiple(async () =>
        {
            Assert.That(heldBeforeDebtPaid, Is.True, "read before the debt was paid");
            Assert.That(readsWhileHeld, Is.EqualTo(3), "the stream was read while held back");
            Assert.That(await third.WaitAsync(ct), Is.True);
            Assert.That(reader.Current.Audio.Data.Length, Is.EqualTo(16000), "the held frame arrives whole");
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task MoveNext_NoSpeedLimit_NeverHeld(CancellationToken ct)
    {
        var frames = new QueuedFrames();
        var reader = Limiter(new CallLimitOptions { MaxSpeed = 0, IdleTimeout = TimeSpan.Zero }).EnterCall(Desk).Read(frames);
        frames.Add(CallFrames.TextCallStart("call-1", "a1", "t1"));
        frames.Add([.. Enumerable.Range(0, 100).Select(_ => CallFrames.Audio(new byte[32000]))]);
        frames.Complete();
        await reader.MoveNext(ct);
        reader.Started(Start);

        var read = 0;
        while (await reader.MoveNext(ct))
        {
            read++;
        }

        Assert.That(read, Is.EqualTo(100), "200 s of audio read without the clock moving");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task MoveNext_TwoCallsOfOneKey_ShareTheBudgetWhileAnotherKeyIsNotHeld(CancellationToken ct)
    {
        var limiter = Limiter(new CallLimitOptions { MaxSpeed = 1, SpeedBurst = TimeSpan.FromSeconds(1), IdleTimeout = TimeSpan.Zero });
        var first = await StartedAsync(limiter.EnterCall(Desk), 3, ct);
        var second = await StartedAsync(limiter.EnterCall(Desk), 3, ct);
        var other = await StartedAsync(limiter.EnterCall(new LimitKey("key:OTHER", "key 'other'")), 3, ct);

        await first.MoveNext(ct);                  // reads 1 s
        await second.MoveNext(ct);                 // reads 1 s
        await first.MoveNext(ct);                  // charges 1 s: the burst
        var secondHeld = second.MoveNext(ct);      // charges 1 s more: 1 s over at 1 s per second
        await other.MoveNext(ct);                  // reads 1 s
        var otherHeld = other.MoveNext(ct);        // the same step as the second call, but its own bucket: 1 s charged, within its burst
        var otherWasHeld = !otherHeld.IsCompleted;
        var secondWasHeld = !secondHeld.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Multiple(async () =>
        {
            Assert.That(secondWasHeld, Is.True, "the key's second call was not held by the first call's spending");
            Assert.That(otherWasHeld, Is.False, "another key was held by this key's spending");
            Assert.That(await secondHeld.WaitAsync(ct), Is.True);
            Assert.That(limiter.Charged(Desk.Id), Is.EqualTo(2).Within(1e-9));
        });
    }

    private static async Task<LimitedCallReader> StartedAsync(CallPermit permit, int seconds, CancellationToken ct)
    {
        var frames = new QueuedFrames();
        frames.Add(CallFrames.TextCallStart("call", "a1", "t1"));
        frames.Add([.. Enumerable.Range(0, seconds).Select(_ => CallFrames.Audio(new byte[16000]))]);
        var reader = permit.Read(frames);
        await reader.MoveNext(ct);
        reader.Started(Start);
        return reader;
    }

    private CallLimiter Limiter(CallLimitOptions options) => new(options, _time, _metrics, NullLogger<CallLimiter>.Instance);
}
