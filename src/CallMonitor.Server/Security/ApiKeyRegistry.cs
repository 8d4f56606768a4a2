using System.Security.Cryptography;

namespace CallMonitor.Server.Security;

/// <summary>
/// The keys the service accepts, held only as SHA-256 hashes, each with the identity it grants. Built by
/// <see cref="ApiKeyFile.Load"/>; <see cref="Open"/> when the service runs without a key file.
/// </summary>
public sealed class ApiKeyRegistry
{
    private readonly (byte[] Hash, CallerIdentity Identity)[] _entries;

    internal ApiKeyRegistry(string source, IEnumerable<(byte[] Hash, CallerIdentity Identity)> entries)
        : this(source, entries, isOpen: false)
    {
    }

    private ApiKeyRegistry(string source, IEnumerable<(byte[] Hash, CallerIdentity Identity)> entries, bool isOpen)
    {
        Source = source;
        IsOpen = isOpen;
        _entries = [.. entries];
        Identities = [.. _entries.Select(e => e.Identity)];
    }

    /// <summary>No key file: every caller, with or without a key, is <see cref="CallerIdentity.Open"/>.</summary>
    public static ApiKeyRegistry Open { get; } = new("(no key file)", [], isOpen: true);

    /// <summary>The key file the keys came from.</summary>
    public string Source { get; }

    public bool IsOpen { get; }

    /// <summary>One identity per key, in file order (for a start-up summary; keys and hashes are not exposed).</summary>
    public IReadOnlyList<CallerIdentity> Identities { get; }

    /// <summary>
    /// The identity of <paramref name="key"/>, or null when no entry has its hash. Every entry is compared in
    /// constant time, so the time taken does not tell how close a guess came.
    /// </summary>
    public CallerIdentity? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (IsOpen)
        {
            return CallerIdentity.Open;
        }

        var hash = ApiKeyMaterial.Hash(key);
        CallerIdentity? found = null;
        foreach (var (entryHash, identity) in _entries)
        {
            var match = CryptographicOperations.FixedTimeEquals(entryHash, hash);
            found = match ? identity : found;
        }

        return found;
    }
}
