using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Resilience;
using CallMonitor.Storage.Tests.Support;

namespace CallMonitor.Storage.Tests.Sqlite;

/// <summary>A second connection holds the write lock for a while, as another process or a long checkpoint would.</summary>
[Category("Integration")]
public sealed class LockedDatabaseTests : StorageTestBase
{
    private static readonly TimeSpan Held = TimeSpan.FromSeconds(2.5);

    [Test]
    [CancelAfter(60_000)]
    public async Task AppendAsync_WriteLockHeldBriefly_RetriesAndSucceedsAfterRelease(CancellationToken token)
    {
        var storage = await OpenAsync(o => o with { BusyTimeoutSeconds = 1 });
        var holder = OpenRawConnection();
        var transaction = holder.BeginTransaction(deferred: false);

        var append = storage.Events.AppendAsync(Support.Events.Violation("while-locked"), token);
        await Task.Delay(Held, token);
        var finishedWhileLocked = append.IsCompleted;
        transaction.Commit();
        holder.Dispose();
        var position = await append.WaitAsync(TimeSpan.FromSeconds(30), token);

        Assert.Multiple(() =>
        {
            Assert.That(finishedWhileLocked, Is.False, "the lock really blocked the write");
            Assert.That(position, Is.EqualTo(1));
            Assert.That(storage.Resilience.RetryCount, Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task AppendAsync_WriteLockHeldWithoutRetries_StorageUnavailable(CancellationToken token)
    {
        var storage = await OpenAsync(o => o with
        {
            BusyTimeoutSeconds = 1,
            Resilience = new StorageResilienceOptions { MaxRetryAttempts = 0 },
        });
        using var holder = OpenRawConnection();
        using var transaction = holder.BeginTransaction(deferred: false);

        var ex = Assert.ThrowsAsync<StorageUnavailableException>(() => storage.Events.AppendAsync(Support.Events.Violation("while-locked"), token));
        transaction.Rollback();

        Assert.Multiple(async () =>
        {
            Assert.That(ex!.Message, Does.Contain(DatabasePath));
            Assert.That(await storage.Events.GetHeadPositionAsync(token), Is.Zero);
        });
    }
}
