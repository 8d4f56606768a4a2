using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Rules;
using CallMonitor.Hosting.Engines;
using CallMonitor.Server.Rules;
using CallMonitor.Storage.RulePacks;
using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Tests.Rules;

/// <summary>The registry's swapping and leasing, with no speech engines (the pack logic alone).</summary>
public sealed class RulePackRegistryTests
{
    private readonly List<IDisposable> _owned = [];

    [TearDown]
    public void DisposeOwned()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenAsync_NothingPublished_BuiltInPackWithItsEmbeddedText(CancellationToken token)
    {
        var registry = await OpenAsync(new InMemoryRulePackStore(), token);

        var source = registry.Current.Source;
        var reparsed = RulePackLoader.Parse(source.Yaml, "reparsed.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(registry.Current.Pack, Is.SameAs(RulePack.Default));
            Assert.That(source.IsBuiltIn, Is.True);
            Assert.That(source.Revision, Is.Zero);
            Assert.That((reparsed.Id, reparsed.Version, reparsed.Rules.Count), Is.EqualTo((RulePack.Default.Id, RulePack.Default.Version, RulePack.Default.Rules.Count)));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_ValidPack_CallsStartingAfterwardsRunIt(CancellationToken token)
    {
        var registry = await OpenAsync(new InMemoryRulePackStore(), token);

        var outcome = await registry.PublishAsync(new RulePackSubmission(TestPacks.Valid("2.0.0")), "admin", token);
        using var lease = registry.Acquire();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Unchanged, Is.False);
            Assert.That(outcome.InForce.Revision, Is.GreaterThan(0));
            Assert.That((lease.Generation.Pack.Id, lease.Generation.Pack.Version), Is.EqualTo(("test.rules", "2.0.0")));
            Assert.That(lease.Generation.Compliance.Pack, Is.SameAs(lease.Generation.Pack));
            Assert.That(lease.Generation.Source.PublishedBy, Is.EqualTo("admin"));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Acquire_BeforePublish_CallKeepsItsPackUntilItEndsThenOldGenerationReleased(CancellationToken token)
    {
        var registry = await OpenAsync(new InMemoryRulePackStore(), token);
        var before = registry.Acquire();

        await registry.PublishAsync(new RulePackSubmission(TestPacks.Valid("2.0.0")), "admin", token);
        var session = before.Generation.Compliance.CreateSession("call-in-progress");
        Assert.Multiple(() =>
        {
            Assert.That(before.Generation.Pack, Is.SameAs(RulePack.Default), "the call in progress keeps the pack it started with");
            Assert.That(before.Generation.IsReleased, Is.False);
            Assert.That(session, Is.Not.Null);
            Assert.That(registry.Current.Pack.Version, Is.EqualTo("2.0.0"));
        });

        before.Dispose();
        Assert.That(before.Generation.IsReleased, Is.True, "released when its last call ended");
        Assert.That(registry.Current.IsReleased, Is.False, "the pack in force stays usable");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_NoLeaseOnOldGeneration_ReleasedAtTheSwap(CancellationToken token)
    {
        var registry = await OpenAsync(new InMemoryRulePackStore(), token);
        var old = registry.Current;

        await registry.PublishAsync(new RulePackSubmission(TestPacks.Valid("2.0.0")), "admin", token);
        Assert.That(old.IsReleased, Is.True);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_BrokenYaml_RefusedAtTheLineAndColumnAndCurrentKept(CancellationToken token)
    {
        var registry = await OpenAsync(new InMemoryRulePackStore(), token);
        var before = registry.Current;
        var yaml = TestPacks.BrokenSeverity();
        var (line, column) = TestPacks.Find(yaml, TestPacks.BadSeverity);

        var ex = Assert.ThrowsAsync<RulePackException>(() => registry.PublishAsync(new RulePackSubmission(yaml), "admin", token));
        Assert.Multiple(() =>
        {
            Assert.That((ex!.Line, ex.Column), Is.EqualTo(((int?)line, (int?)column)));
            Assert.That(ex.Message, Does.Contain(TestPacks.BadSeverity));
            Assert.That(registry.Current, Is.SameAs(before));
            Assert.That(before.IsReleased, Is.False);
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_OverTheSizeLimit_RefusedNamingTheLimit(CancellationToken token)
    {
        var registry = await OpenAsync(new InMemoryRulePackStore(), token);
        var before = registry.Current;

        var ex = Assert.ThrowsAsync<RulePackException>(
            () => registry.PublishAsync(new RulePackSubmission(TestPacks.Padded(RulePackLimits.MaxBytes + 1)), "admin", token));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("2,097,152").And.Contain("2 MiB"));
            Assert.That(registry.Current, Is.SameAs(before));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_AtTheSizeLimit_Accepted(CancellationToken token)
    {
        var registry = await OpenAsync(new InMemoryRulePackStore(), token);

        var outcome = await registry.PublishAsync(new RulePackSubmission(TestPacks.Padded(RulePackLimits.MaxBytes)), "admin", token);
        Assert.That(outcome.InForce.Id, Is.EqualTo("test.rules"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_VersionFieldDisagreesWithYaml_Refused(CancellationToken token)
    {
        var registry = await OpenAsync(new InMemoryRulePackStore(), token);

        var ex = Assert.ThrowsAsync<RulePackException>(
            () => registry.PublishAsync(new RulePackSubmission(TestPacks.Valid("2.0.0"), "test.rules", "2.0.1"), "admin", token));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("2.0.1").And.Contain("2.0.0"));
            Assert.That(registry.Current.Source.IsBuiltIn, Is.True);
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_PublishedVersionWithOtherContent_ConflictAndCurrentKept(CancellationToken token)
    {
        var registry = await OpenAsync(new InMemoryRulePackStore(), token);
        await registry.PublishAsync(new RulePackSubmission(TestPacks.Valid("2.0.0", "不归我管")), "admin", token);
        var before = registry.Current;

        var ex = Assert.ThrowsAsync<RulePackVersionConflictException>(
            () => registry.PublishAsync(new RulePackSubmission(TestPacks.Valid("2.0.0", "你找别人")), "admin", token));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.ExistingRevision, Is.EqualTo(before.Source.Revision));
            Assert.That(registry.Current, Is.SameAs(before));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_BuiltInIdAndVersionWithOtherContent_Conflict(CancellationToken token)
    {
        var registry = await OpenAsync(new InMemoryRulePackStore(), token);

        var ex = Assert.ThrowsAsync<RulePackVersionConflictException>(() => registry.PublishAsync(
            new RulePackSubmission(TestPacks.Valid(RulePack.Default.Version, id: RulePack.Default.Id)), "admin", token));
        Assert.That(ex!.ExistingRevision, Is.Zero);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_SamePackTwice_SecondChangesNothing(CancellationToken token)
    {
        var registry = await OpenAsync(new InMemoryRulePackStore(), token);
        var first = await registry.PublishAsync(new RulePackSubmission(TestPacks.Valid("2.0.0")), "admin", token);
        var generation = registry.Current;

        var second = await registry.PublishAsync(new RulePackSubmission(TestPacks.Valid("2.0.0")), "admin", token);
        Assert.Multiple(() =>
        {
            Assert.That(second.Unchanged, Is.True);
            Assert.That(second.InForce, Is.EqualTo(first.InForce));
            Assert.That(registry.Current, Is.SameAs(generation));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenAsync_StoredPackNoLongerLoads_BuiltInPackAndAnErrorNamingTheVersion(CancellationToken token)
    {
        var store = new InMemoryRulePackStore();
        await store.PublishAsync(new RulePackPublication("test.rules", "9.9.9", TestPacks.BrokenSeverity(), "admin"), token);
        var logger = new RecordingLogger<RulePackRegistry>();

        var registry = await OpenAsync(store, token, logger);
        Assert.Multiple(() =>
        {
            Assert.That(registry.Current.Source.IsBuiltIn, Is.True);
            Assert.That(logger.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message),
                Has.One.Contains("9.9.9").And.Contains(TestPacks.BadSeverity));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Dispose_CallStillRunning_GenerationReleasedWhenTheCallEnds(CancellationToken token)
    {
        var registry = await RulePackRegistry.OpenAsync(NoEngines(), ComplianceEngineOptions.None, null, new RecordingLogger<RulePackRegistry>(), token);
        var lease = registry.Acquire();

        registry.Dispose();
        Assert.Multiple(() =>
        {
            Assert.That(lease.Generation.IsReleased, Is.False);
            Assert.That(() => registry.Acquire(), Throws.TypeOf<ObjectDisposedException>());
        });
        lease.Dispose();
        lease.Dispose();
        Assert.That(lease.Generation.IsReleased, Is.True, "released once, by the last lease; a second dispose is harmless");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Acquire_DuringManyPublishes_NoCallGetsAReleasedGenerationAndEveryOldOneIsReleased(CancellationToken token)
    {
        var registry = await OpenAsync(new InMemoryRulePackStore(), token);
        var seen = new System.Collections.Concurrent.ConcurrentBag<RuleGeneration>();
        var releasedWhileHeld = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var calls = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var lease = registry.Acquire();
                seen.Add(lease.Generation);
                await Task.Yield();
                if (lease.Generation.IsReleased)
                {
                    Interlocked.Increment(ref releasedWhileHeld);
                }
            }
        }, token)).ToList();

        for (var i = 1; i <= 20; i++)
        {
            await registry.PublishAsync(new RulePackSubmission(TestPacks.Valid($"2.{i}.0")), "admin", token);
        }

        await stop.CancelAsync();
        await Task.WhenAll(calls);
        var current = registry.Current;
        Assert.Multiple(() =>
        {
            Assert.That(releasedWhileHeld, Is.Zero);
            Assert.That(seen.Distinct().Where(g => g != current), Has.All.Property(nameof(RuleGeneration.IsReleased)).True);
            Assert.That(current.IsReleased, Is.False);
            Assert.That(current.Pack.Version, Is.EqualTo("2.20.0"));
        });
    }

    private async Task<RulePackRegistry> OpenAsync(IRulePackStore store, CancellationToken token, ILogger<RulePackRegistry>? logger = null)
    {
        var registry = await RulePackRegistry.OpenAsync(NoEngines(), ComplianceEngineOptions.None, store, logger ?? new RecordingLogger<RulePackRegistry>(), token);
        _owned.Add(registry);
        return registry;
    }

    private SpeechEngineSet NoEngines()
    {
        var speech = SpeechEngineSet.Open([SpeechEngineCatalog.None]);
        _owned.Add(speech);
        return speech;
    }
}
