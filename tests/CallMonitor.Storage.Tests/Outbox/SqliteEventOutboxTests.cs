using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Events;
using CallMonitor.Storage.Outbox;
using TestEvents = CallMonitor.Storage.Tests.Support.Events;
using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Tests.Outbox;

/// <summary>The node-local outbox on a real SQLite file: order, idempotence, durability across reopening.</summary>
public class SqliteEventOutboxTests
{
    private string _folder = null!;

    private string Path => System.IO.Path.Combine(_folder, "outbox.db");

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("callmonitor-outbox-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task PeekAsync_HeldEvents_OldestFirstWithEveryField(CancellationToken ct)
    {
        await using var outbox = await SqliteEventOutbox.OpenAsync(Path, cancellationToken: ct);
        EventRecord[] records = [TestEvents.Violation("v1"), TestEvents.Lifecycle("l1", EventKind.CallEnded), TestEvents.Violation("v2", team: "team-b")];
        foreach (var record in records)
        {
            await outbox.EnqueueAsync(record, ct);
        }

        var held = await outbox.PeekAsync(10, ct);
        var firstTwo = await outbox.PeekAsync(2, ct);

        Assert.Multiple(() =>
        {
            Assert.That(held.Select(e => e.Record), Is.EqualTo(records));
            Assert.That(held.Select(e => e.Sequence), Is.Ordered.Ascending.And.Unique);
            Assert.That(firstTwo.Select(e => e.Record), Is.EqualTo(records.Take(2)));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EnqueueAsync_SameEventIdAgain_NotHeldTwice(CancellationToken ct)
    {
        await using var outbox = await SqliteEventOutbox.OpenAsync(Path, cancellationToken: ct);

        var first = await outbox.EnqueueAsync(TestEvents.Violation("v1"), ct);
        var again = await outbox.EnqueueAsync(TestEvents.Violation("v1"), ct);

        Assert.Multiple(async () =>
        {
            Assert.That(first, Is.True);
            Assert.That(again, Is.False);
            Assert.That(await outbox.CountAsync(ct), Is.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RemoveAsync_ThenReopened_OnlyTheRestIsHeldInOrder(CancellationToken ct)
    {
        await using (var outbox = await SqliteEventOutbox.OpenAsync(Path, cancellationToken: ct))
        {
            foreach (var id in new[] { "a", "b", "c" })
            {
                await outbox.EnqueueAsync(TestEvents.Violation(id), ct);
            }

            var oldest = (await outbox.PeekAsync(1, ct))[0];
            await outbox.RemoveAsync(oldest.Sequence, ct);
            await outbox.RemoveAsync(oldest.Sequence, ct);
        }

        await using var reopened = await SqliteEventOutbox.OpenAsync(Path, cancellationToken: ct);
        var held = await reopened.PeekAsync(10, ct);
        Assert.That(held.Select(e => e.Record.EventId), Is.EqualTo(new[] { "b", "c" }));
    }

    [Test]
    [CancelAfter(10_000)]
    public void OpenAsync_FolderCannotBeCreated_StorageUnavailableNamingThePath(CancellationToken ct)
    {
        var blocker = System.IO.Path.Combine(_folder, "file");
        File.WriteAllText(blocker, "not a folder");
        var path = System.IO.Path.Combine(blocker, "outbox.db");

        Assert.That(
            async () => await SqliteEventOutbox.OpenAsync(path, cancellationToken: ct),
            Throws.TypeOf<StorageUnavailableException>().With.Message.Contains(path));
    }
}
