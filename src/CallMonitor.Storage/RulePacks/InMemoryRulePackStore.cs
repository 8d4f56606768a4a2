namespace CallMonitor.Storage.RulePacks;

/// <summary>
/// <see cref="IRulePackStore"/> in memory, with the same rules as the database store: for a service run without
/// storage (publications last until it stops) and for tests. Safe for concurrent use.
/// </summary>
public sealed class InMemoryRulePackStore : IRulePackStore
{
    private readonly Lock _gate = new();
    private readonly List<PublishedRulePack> _packs = []; // index = revision - 1, as first stored
    private readonly TimeProvider _time;
    private PublishedRulePack? _current;

    public InMemoryRulePackStore(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    public Task<PublishedRulePack> PublishAsync(RulePackPublication publication, CancellationToken cancellationToken = default)
    {
        RulePackPublication.ThrowIfInvalid(publication);
        var sha256 = RulePackHash.Of(publication.Yaml);
        lock (_gate)
        {
            var existing = Find(publication.Id, publication.Version);
            if (existing is not null && existing.Sha256 != sha256)
            {
                throw new RulePackVersionConflictException(publication.Id, publication.Version, existing.Revision);
            }

            if (existing is not null && _current?.Revision == existing.Revision)
            {
                return Task.FromResult(_current);
            }

            var revision = existing?.Revision ?? _packs.Count + 1;
            _current = new PublishedRulePack(
                revision, publication.Id, publication.Version, publication.Yaml, sha256, _time.GetUtcNow(), publication.PublishedBy);
            if (existing is null)
            {
                _packs.Add(_current);
            }
            else
            {
                _packs[(int)revision - 1] = _current;
            }

            return Task.FromResult(_current);
        }
    }

    public Task<PublishedRulePack?> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_current);
        }
    }

    public Task<PublishedRulePack?> GetAsync(string id, string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        lock (_gate)
        {
            return Task.FromResult(Find(id, version));
        }
    }

    private PublishedRulePack? Find(string id, string version) =>
        _packs.Find(p => p.Id == id && p.Version == version);
}
