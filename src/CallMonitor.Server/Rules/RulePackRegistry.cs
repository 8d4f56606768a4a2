using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Errors;
using CallMonitor.Hosting.Engines;
using CallMonitor.Storage.Errors;
using CallMonitor.Storage.RulePacks;
using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Rules;

/// <summary>
/// The rule pack in force, as one <see cref="RuleGeneration"/> held by a single reference. A call takes a lease
/// (<see cref="Acquire"/>) when it starts and runs on that generation to its end. A publish is checked, compiled and
/// its engines opened before anything changes, then stored, then swapped in with one atomic write; any failure
/// leaves the pack in force untouched. Publishes run one at a time. One per service (a singleton).
/// </summary>
public sealed class RulePackRegistry : IDisposable
{
    private readonly SpeechEngineSet _speech;
    private readonly ComplianceEngineOptions _compliance;
    private readonly IRulePackStore _store;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private RuleGeneration _current = null!;
    private int _disposed;

    private RulePackRegistry(SpeechEngineSet speech, ComplianceEngineOptions compliance, IRulePackStore store, ILogger logger)
    {
        _speech = speech;
        _compliance = compliance;
        _store = store;
        _logger = logger;
    }

    /// <summary>The generation in force now. A call must not use it without a lease: take one with <see cref="Acquire"/>.</summary>
    public RuleGeneration Current => Volatile.Read(ref _current);

    /// <summary>
    /// Starts with the pack published last in <paramref name="store"/>, or the built-in pack when none was published
    /// or the stored one no longer loads (logged as an error; the service still starts).
    /// </summary>
    /// <param name="speech">Engines: the shared ones are used by every generation and stay owned by the caller.</param>
    /// <param name="compliance">Classifier and thresholds every pack is compiled with.</param>
    /// <param name="store">Published packs; null keeps publications in memory until the service stops.</param>
    /// <exception cref="EngineUnavailableException">A required engine cannot start.</exception>
    /// <exception cref="StorageException">The store cannot be read.</exception>
    public static async Task<RulePackRegistry> OpenAsync(
        SpeechEngineSet speech, ComplianceEngineOptions compliance, IRulePackStore? store, ILogger<RulePackRegistry> logger,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(speech);
        ArgumentNullException.ThrowIfNull(compliance);
        ArgumentNullException.ThrowIfNull(logger);
        var registry = new RulePackRegistry(speech, compliance, store ?? new InMemoryRulePackStore(), logger);
        var stored = await registry._store.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var (source, engine) = stored is null ? registry.BuiltIn() : registry.LoadStored(stored);
        registry._current = registry.Generate(source, engine);
        RulesLog.PackInForce(logger, source.Id, source.Version, source.Revision, engine.Pack.Rules.Count);
        registry.LogWarnings(registry._current);
        return registry;
    }

    /// <summary>A lease on the generation in force, for one call from its start to its end.</summary>
    /// <exception cref="ObjectDisposedException">The registry is disposed (the service is stopping).</exception>
    public RuleGenerationLease Acquire()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            var generation = Volatile.Read(ref _current);
            if (generation.TryRetain())
            {
                return new RuleGenerationLease(generation);
            }

            // Released between the read and the retain: it was swapped out, so the next read sees its successor.
        }
    }

    /// <summary>Checks a pack as <see cref="PublishAsync"/> would (load, compile, version conflict) without publishing it.</summary>
    /// <exception cref="RulePackException">The pack is too large, does not load or compile, or disagrees with the id/version sent.</exception>
    /// <exception cref="RulePackVersionConflictException">Its id and version already name a different pack.</exception>
    public async Task<RulePack> ValidateAsync(RulePackSubmission submission, CancellationToken cancellationToken = default)
    {
        var pack = RulePackCandidate.Parse(submission);
        _ = new ComplianceEngine(pack, _compliance);
        await EnsureNoConflictAsync(pack, RulePackHash.Of(submission.Yaml), cancellationToken).ConfigureAwait(false);
        return pack;
    }

    /// <summary>Validates, compiles, stores and swaps in a pack for calls that start from now on.</summary>
    /// <param name="publishedBy">Who publishes, for the record.</param>
    /// <exception cref="RulePackException">The pack is too large, does not load or compile, or disagrees with the id/version sent.</exception>
    /// <exception cref="RulePackVersionConflictException">Its id and version already name a different pack.</exception>
    /// <exception cref="EngineUnavailableException">A required engine cannot start for the new pack.</exception>
    /// <exception cref="StorageException">The pack could not be stored (nothing changed).</exception>
    public async Task<RulePackPublishOutcome> PublishAsync(RulePackSubmission submission, string publishedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publishedBy);
        var pack = RulePackCandidate.Parse(submission);
        var sha256 = RulePackHash.Of(submission.Yaml);
        await _publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            var previous = Current;
            if (previous.Source.Id == pack.Id && previous.Source.Version == pack.Version && previous.Source.Sha256 == sha256)
            {
                return new RulePackPublishOutcome(previous.Source, Unchanged: true, []);
            }

            await EnsureNoConflictAsync(pack, sha256, cancellationToken).ConfigureAwait(false);
            var engine = new ComplianceEngine(pack, _compliance);
            var packEngines = _speech.OpenForPack(pack);
            RuleGeneration next;
            try
            {
                // Not cancellable: once the store has the pack, the swap below must follow.
                var stored = await _store.PublishAsync(
                    new RulePackPublication(pack.Id, pack.Version, submission.Yaml, publishedBy), CancellationToken.None).ConfigureAwait(false);
                next = new RuleGeneration(FromStored(stored), engine, _speech.Shared, packEngines, OnReleased);
            }
            catch
            {
                packEngines.Dispose();
                throw;
            }

            Interlocked.Exchange(ref _current, next);
            RulesLog.PackPublished(_logger, pack.Id, pack.Version, publishedBy, next.Source.Revision, previous.Source.Id, previous.Source.Version);
            LogWarnings(next);
            previous.Release();
            return new RulePackPublishOutcome(next.Source, Unchanged: false, next.Warnings);
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>
    /// Puts in force the pack the store now names as current when it is not the one in force: in multi-node mode,
    /// another node published it to the shared store. A stored pack this build cannot load leaves the pack in force.
    /// </summary>
    /// <returns>True when the pack in force changed.</returns>
    /// <exception cref="StorageException">The store cannot be read.</exception>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var stored = await _store.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        if (stored is null || IsInForce(stored))
        {
            return false;
        }

        await _publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (IsInForce(stored))
            {
                return false;
            }

            RuleGeneration next;
            try
            {
                var pack = RulePackLoader.Parse(stored.Yaml, $"{stored.Id} {stored.Version} (revision {stored.Revision})");
                next = Generate(FromStored(stored), new ComplianceEngine(pack, _compliance));
            }
            catch (RulePackException e)
            {
                RulesLog.StoredPackUnusable(_logger, stored.Id, stored.Version, stored.Revision, e.Message);
                return false;
            }

            var previous = Current;
            Interlocked.Exchange(ref _current, next);
            RulesLog.PackPublished(_logger, stored.Id, stored.Version, stored.PublishedBy, stored.Revision, previous.Source.Id, previous.Source.Version);
            LogWarnings(next);
            previous.Release();
            return true;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>The pack with this id and version: the one in force, the built-in one, or a stored one; null when unknown.</summary>
    /// <exception cref="StorageException">The store cannot be read.</exception>
    public async Task<RulePackRevision?> FindAsync(string id, string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var current = Current.Source;
        if (current.Id == id && current.Version == version)
        {
            return current;
        }

        var builtIn = BuiltInRulePack.Revision;
        if (builtIn.Id == id && builtIn.Version == version)
        {
            return builtIn;
        }

        return await _store.GetAsync(id, version, cancellationToken).ConfigureAwait(false) is { } stored ? FromStored(stored) : null;
    }

    /// <summary>Stops handing out leases; the generation in force is released when its last call ends. Shared engines are the caller's.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _publishing.Wait();
        try
        {
            Current.Release();
        }
        finally
        {
            _publishing.Release();
        }
    }

    private async Task EnsureNoConflictAsync(RulePack pack, string sha256, CancellationToken cancellationToken)
    {
        var builtIn = BuiltInRulePack.Revision;
        if (builtIn.Id == pack.Id && builtIn.Version == pack.Version && builtIn.Sha256 != sha256)
        {
            throw new RulePackVersionConflictException(pack.Id, pack.Version, builtIn.Revision);
        }

        var stored = await _store.GetAsync(pack.Id, pack.Version, cancellationToken).ConfigureAwait(false);
        if (stored is not null && stored.Sha256 != sha256)
        {
            throw new RulePackVersionConflictException(pack.Id, pack.Version, stored.Revision);
        }
    }

    private bool IsInForce(PublishedRulePack stored)
    {
        var current = Current.Source;
        return current.Revision == stored.Revision && current.PublishedAt == stored.PublishedAt;
    }

    private (RulePackRevision Source, ComplianceEngine Engine) BuiltIn() =>
        (BuiltInRulePack.Revision, new ComplianceEngine(BuiltInRulePack.Pack, _compliance));

    private (RulePackRevision Source, ComplianceEngine Engine) LoadStored(PublishedRulePack stored)
    {
        try
        {
            var pack = RulePackLoader.Parse(stored.Yaml, $"{stored.Id} {stored.Version} (revision {stored.Revision})");
            return (FromStored(stored), new ComplianceEngine(pack, _compliance));
        }
        catch (RulePackException e)
        {
            // A pack this build no longer accepts must not keep the service from starting: run the built-in one.
            RulesLog.StoredPackUnusable(_logger, stored.Id, stored.Version, stored.Revision, e.Message);
            return BuiltIn();
        }
    }

    private RuleGeneration Generate(RulePackRevision source, ComplianceEngine engine) =>
        new(source, engine, _speech.Shared, _speech.OpenForPack(engine.Pack), OnReleased);

    private void OnReleased(RuleGeneration generation) =>
        RulesLog.GenerationReleased(_logger, generation.Source.Id, generation.Source.Version, generation.Source.Revision);

    private void LogWarnings(RuleGeneration generation)
    {
        foreach (var warning in generation.Warnings)
        {
            RulesLog.EngineWarning(_logger, generation.Source.Id, generation.Source.Version, warning);
        }
    }

    private static RulePackRevision FromStored(PublishedRulePack stored) =>
        new(stored.Revision, stored.Id, stored.Version, stored.Yaml, stored.Sha256, stored.PublishedAt, stored.PublishedBy);
}
