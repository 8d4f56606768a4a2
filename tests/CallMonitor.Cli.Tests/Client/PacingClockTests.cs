using CallMonitor.Cli.Client;
using CallMonitor.TestKit.Timeouts;
using Microsoft.Extensions.Time.Testing;

namespace CallMonitor.Cli.Tests.Client;

/// <summary>The real-time pace of <c>stream --realtime</c>, on a fake clock: chunk k goes out at start + k x 100 ms.</summary>
public class PacingClockTests
{
    private static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    [Test]
    [CancelAfter(10_000)]
    public async Task WaitUntilAsync_TenChunks_EachReleasedExactlyAtItsSlotAndNotBefore(CancellationToken token)
    {
        var time = new FakeTimeProvider();
        var clock = new PacingClock(time);
        clock.Start();

        for (var k = 0; k < 10; k++)
        {
            var due = k * Chunk;
            var release = clock.WaitUntilAsync(due, token);
            if (due > clock.Elapsed)
            {
                time.Advance(due - clock.Elapsed - Tick);
                Assert.That(release.IsCompleted, Is.False, $"chunk {k} released before {due.TotalMilliseconds} ms");
                time.Advance(Tick);
            }

            await release.WithTimeout(TimeSpan.FromSeconds(5), $"chunk {k}");
            Assert.That(clock.Elapsed, Is.EqualTo(due), $"chunk {k}");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task WaitUntilAsync_SendsTakeThirtyMsEach_SlotsStayOnTheHundredMsGrid(CancellationToken token)
    {
        var time = new FakeTimeProvider();
        var clock = new PacingClock(time);
        clock.Start();
        var released = new List<TimeSpan>();

        for (var k = 0; k < 20; k++)
        {
            var release = clock.WaitUntilAsync(k * Chunk, token);
            while (!release.IsCompleted)
            {
                time.Advance(Tick);
                await Task.Yield();
            }

            await release.WithTimeout(TimeSpan.FromSeconds(5), $"chunk {k}");
            released.Add(clock.Elapsed);
            time.Advance(TimeSpan.FromMilliseconds(30)); // the send itself
        }

        // Relative sleeps (100 ms after each send) would put chunk 19 at 19 x 130 ms; the grid keeps it at 1900 ms.
        Assert.That(released, Is.EqualTo(Enumerable.Range(0, 20).Select(k => k * Chunk)));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task WaitUntilAsync_SendStalledPastLaterSlots_CatchesUpWithoutSleepingThenKeepsTheGrid(CancellationToken token)
    {
        var time = new FakeTimeProvider();
        var clock = new PacingClock(time);
        clock.Start();
        await clock.WaitUntilAsync(TimeSpan.Zero, token).WithTimeout(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromMilliseconds(350)); // chunk 0's send stalled past the slots of chunks 1-3

        var caughtUp = Enumerable.Range(1, 3).Select(k => clock.WaitUntilAsync(k * Chunk, token)).ToArray();
        await Task.WhenAll(caughtUp).WithTimeout(TimeSpan.FromSeconds(5), "chunks already due");
        var fourth = clock.WaitUntilAsync(4 * Chunk, token);
        time.Advance(TimeSpan.FromMilliseconds(49));
        var waitedForItsSlot = !fourth.IsCompleted;
        time.Advance(Tick);
        await fourth.WithTimeout(TimeSpan.FromSeconds(5), "chunk 4");

        Assert.Multiple(() =>
        {
            Assert.That(waitedForItsSlot, Is.True, "chunk 4 is due at 400 ms, not at once");
            Assert.That(clock.Elapsed, Is.EqualTo(4 * Chunk));
        });
    }

    [Test]
    public void WaitUntilAsync_NotStarted_Throws()
    {
        var clock = new PacingClock(new FakeTimeProvider());

        Assert.That(() => clock.WaitUntilAsync(Chunk, CancellationToken.None), Throws.InvalidOperationException);
    }
}
