using CallMonitor.Storage.Errors;

namespace CallMonitor.Storage.RulePacks;

/// <summary>
/// A pack was published under an id and version that already name different content. Reports and violations name
/// the pack by id and version, so one version must always mean one text: publish the change under a new version.
/// </summary>
public sealed class RulePackVersionConflictException : StorageException
{
    /// <param name="existingRevision">Revision holding the other content; 0 for the pack built into the service.</param>
    public RulePackVersionConflictException(string packId, string version, long existingRevision)
        : base(Describe(packId, version, existingRevision))
    {
        PackId = packId;
        Version = version;
        ExistingRevision = existingRevision;
    }

    public string PackId { get; }

    public string Version { get; }

    /// <summary>Revision holding the other content; 0 for the pack built into the service.</summary>
    public long ExistingRevision { get; }

    private static string Describe(string packId, string version, long existingRevision) =>
        (existingRevision == 0
            ? $"Rule pack '{packId}' version {version} is the pack built into the service, and the YAML sent differs from it"
            : $"Rule pack '{packId}' version {version} was already published (revision {existingRevision}) with different content")
        + "; bump the version in the YAML to publish a changed pack.";
}
