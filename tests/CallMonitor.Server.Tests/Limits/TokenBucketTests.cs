using CallMonitor.Server.Limits;
using Microsoft.Extensions.Time.Testing;

namespace CallMonitor.Server.Tests.Limits;

/// <summary>The speed budget's arithmetic on a fake clock: refill rate, capacity, debt and the wait it asks for.</summary>
public class TokenBucketTests
{
    [Test]
    public void Take_WithinCapacity_NoWait()
    {
        var bucket = new TokenBucket(rate: 2, capacity: 10, new FakeTimeProvider());

        var wait = bucket.Take(10);

        Assert.Multiple(() =>
        {
            Assert.That(wait, Is.EqualTo(TimeSpan.Zero));
            Assert.That(bucket.Tokens, Is.Zero.Within(1e-9));
        });
    }

    [Test]
    public void Take_BeyondCapacity_WaitIsTheDebtAtTheRefillRate()
    {
        var bucket = new TokenBucket(rate: 2, capacity: 10, new FakeTimeProvider());

        var wait = bucket.Take(13);

        // 3 tokens owed, refilled at 2 per second.
        Assert.That(wait.TotalSeconds, Is.EqualTo(1.5).Within(1e-6));
    }

    [Test]
    public void Take_AfterWaitingTheDebt_NoDebtLeft()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(rate: 4, capacity: 1, time);
        var wait = bucket.Take(9);

        time.Advance(wait - TimeSpan.FromMilliseconds(100));
        var stillOwed = bucket.Debt();
        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Multiple(() =>
        {
            Assert.That(wait.TotalSeconds, Is.EqualTo(2).Within(1e-6));
            Assert.That(stillOwed.TotalSeconds, Is.EqualTo(0.1).Within(1e-6));
            Assert.That(bucket.Debt(), Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void Tokens_LongIdle_RefillStopsAtCapacity()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(rate: 5, capacity: 8, time);
        bucket.Take(8);

        time.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = bucket.Tokens;
        time.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(afterOneSecond, Is.EqualTo(5).Within(1e-9));
            Assert.That(bucket.Tokens, Is.EqualTo(8).Within(1e-9));
            Assert.That(bucket.IsFull, Is.True);
        });
    }

    [TestCase(1, 0.5)]
    [TestCase(4, 0.5)]
    [TestCase(16, 2.0)]
    public void Take_TakersThatWaitAsTold_TakenOverTimeIsCapacityPlusRateTimesTime(int takers, double chunk)
    {
        const double rate = 3, capacity = 6, horizon = 200;
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(rate, capacity, time);
        var readyAt = new double[takers];
        var now = 0.0;
        var worstExcess = double.NegativeInfinity;

        // Each taker takes a chunk, then waits what it was told before its next one: the earliest ready goes next.
        while (true)
        {
            var next = Array.IndexOf(readyAt, readyAt.Min());
            if (readyAt[next] > horizon)
            {
                break;
            }

            time.Advance(TimeSpan.FromSeconds(readyAt[next] - now));
            now = readyAt[next];
            readyAt[next] = now + bucket.Take(chunk).TotalSeconds;
            worstExcess = Math.Max(worstExcess, bucket.Taken - (capacity + (rate * now)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(worstExcess, Is.LessThanOrEqualTo(takers * chunk + 1e-6), "took more than the budget allows (beyond one chunk per taker)");
            Assert.That(bucket.Taken, Is.GreaterThanOrEqualTo(capacity + (rate * horizon) - (takers * chunk)), "held the takers back more than the budget needs");
        });
    }

    [Test]
    public void AdjustRate_Raised_AccruedAtTheOldRateUntilThen()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(rate: 1, capacity: 100, time);
        bucket.Take(100);
        time.Advance(TimeSpan.FromSeconds(10)); // +10 at 1/s
        bucket.AdjustRate(4);
        time.Advance(TimeSpan.FromSeconds(10)); // +50 at 5/s

        Assert.That(bucket.Tokens, Is.EqualTo(60).Within(1e-6));
    }

    [Test]
    public void AdjustRate_LoweredBelowTheBase_StaysAtTheBase()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(rate: 2, capacity: 100, time);
        bucket.Take(100);
        bucket.AdjustRate(3);
        bucket.AdjustRate(-10);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(bucket.Tokens, Is.EqualTo(20).Within(1e-6));
    }
}
