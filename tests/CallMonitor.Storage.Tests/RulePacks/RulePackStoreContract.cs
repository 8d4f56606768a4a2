using CallMonitor.Storage.RulePacks;
using CallMonitor.Storage.Tests.Support;

namespace CallMonitor.Storage.Tests.RulePacks;

/// <summary>What every <see cref="IRulePackStore"/> must do; one fixture per implementation derives from it.</summary>
public abstract class RulePackStoreContract : StorageTestBase
{
    protected abstract Task<IRulePackStore> CreateStoreAsync(TimeProvider time);

    [Test]
    [CancelAfter(30_000)]
    public async Task GetCurrentAsync_NothingPublished_Null(CancellationToken token)
    {
        var store = await CreateStoreAsync(TimeProvider.System);
        Assert.Multiple(async () =>
        {
            Assert.That(await store.GetCurrentAsync(token), Is.Null);
            Assert.That(await store.GetAsync("callmonitor.default", "1.0.0", token), Is.Null);
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_NewPack_IsCurrentWithTheClockAuthorAndContentHash(CancellationToken token)
    {
        var time = new ManualTimeProvider();
        var store = await CreateStoreAsync(time);
        var publication = Pack("bank.cs", "2.1.0", "禁止用语：不归我管", "admin-li");

        var stored = await store.PublishAsync(publication, token);
        var current = await store.GetCurrentAsync(token);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Revision, Is.GreaterThan(0));
            Assert.That(stored.Yaml, Is.EqualTo(publication.Yaml));
            Assert.That(stored.Sha256, Is.EqualTo(RulePackHash.Of(publication.Yaml)).And.Length.EqualTo(64));
            Assert.That(stored.PublishedAt, Is.EqualTo(time.GetUtcNow()));
            Assert.That(stored.PublishedBy, Is.EqualTo("admin-li"));
            Assert.That(current, Is.EqualTo(stored));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_SamePackAgain_ReturnsTheFirstRecordUnchanged(CancellationToken token)
    {
        var time = new ManualTimeProvider();
        var store = await CreateStoreAsync(time);
        var first = await store.PublishAsync(Pack("p", "1.0.0", "a", "alice"), token);
        time.Advance(TimeSpan.FromMinutes(5));

        var again = await store.PublishAsync(Pack("p", "1.0.0", "a", "bob"), token);
        Assert.That(again, Is.EqualTo(first), "a retried publish neither renumbers nor re-dates the pack");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_SameVersionDifferentYaml_ConflictNamingTheRevisionAndCurrentKept(CancellationToken token)
    {
        var store = await CreateStoreAsync(TimeProvider.System);
        var first = await store.PublishAsync(Pack("p", "1.0.0", "a", "alice"), token);

        var ex = Assert.ThrowsAsync<RulePackVersionConflictException>(
            () => store.PublishAsync(Pack("p", "1.0.0", "b", "alice"), token));
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.ExistingRevision, Is.EqualTo(first.Revision));
            Assert.That(ex.Message, Does.Contain("'p'").And.Contain("1.0.0").And.Contain("bump the version"));
            Assert.That(await store.GetCurrentAsync(token), Is.EqualTo(first));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_NewerVersion_HigherRevisionBecomesCurrentAndOlderStaysReadable(CancellationToken token)
    {
        var store = await CreateStoreAsync(TimeProvider.System);
        var v1 = await store.PublishAsync(Pack("p", "1.0.0", "a", "alice"), token);
        var v2 = await store.PublishAsync(Pack("p", "1.1.0", "b", "alice"), token);

        Assert.Multiple(async () =>
        {
            Assert.That(v2.Revision, Is.GreaterThan(v1.Revision));
            Assert.That(await store.GetCurrentAsync(token), Is.EqualTo(v2));
            Assert.That(await store.GetAsync("p", "1.0.0", token), Is.EqualTo(v1));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_EarlierVersionAgain_RollsBackKeepingItsRevision(CancellationToken token)
    {
        var time = new ManualTimeProvider();
        var store = await CreateStoreAsync(time);
        var v1 = await store.PublishAsync(Pack("p", "1.0.0", "a", "alice"), token);
        await store.PublishAsync(Pack("p", "1.1.0", "b", "alice"), token);
        time.Advance(TimeSpan.FromHours(1));

        var back = await store.PublishAsync(Pack("p", "1.0.0", "a", "bob"), token);
        Assert.Multiple(async () =>
        {
            Assert.That(back.Revision, Is.EqualTo(v1.Revision));
            Assert.That(back.PublishedBy, Is.EqualTo("bob"));
            Assert.That(back.PublishedAt, Is.EqualTo(time.GetUtcNow()));
            Assert.That(await store.GetCurrentAsync(token), Is.EqualTo(back));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishAsync_EightWritersAtOnce_DistinctRevisionsAndTheLastPublicationIsCurrent(CancellationToken token)
    {
        var store = await CreateStoreAsync(TimeProvider.System);
        var published = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            Task.Run(() => store.PublishAsync(Pack("p", $"1.{i}.0", $"body {i}", "w"), token), token)));
        var retried = await Task.WhenAll(Enumerable.Range(1, 8).Select(_ =>
            Task.Run(() => store.PublishAsync(Pack("p", "1.1.0", "body 1", "w"), token), token)));

        var current = await store.GetCurrentAsync(token);
        Assert.Multiple(() =>
        {
            Assert.That(published.Select(p => p.Revision), Is.Unique);
            Assert.That(published.Select(p => p.Revision).Order(), Is.EqualTo(Enumerable.Range(1, 8).Select(i => (long)i)));
            Assert.That(retried.Select(p => p.Revision), Is.All.EqualTo(published[0].Revision));
            Assert.That(current!.Version, Is.EqualTo("1.1.0"), "the last publication decides, whichever writer came first");
        });
    }

    protected static RulePackPublication Pack(string id, string version, string body, string by) =>
        new(id, version, $"id: {id}\nversion: {version}\n# {body}\n", by);
}
