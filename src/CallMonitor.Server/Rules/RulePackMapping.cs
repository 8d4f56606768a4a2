using CallMonitor.Compliance.Rules;
using CallMonitor.Contracts.V1;
using CallMonitor.Storage.RulePacks;
using Google.Protobuf.WellKnownTypes;

namespace CallMonitor.Server.Rules;

/// <summary>Rule pack messages of the contract to domain values and back.</summary>
internal static class RulePackMapping
{
    public static RulePackSubmission ToSubmission(RulePackDocument document) =>
        new(document.Yaml, NullIfEmpty(document.Id), NullIfEmpty(document.Version));

    public static RulePackDocument ToDocument(RulePackRevision revision)
    {
        var document = new RulePackDocument
        {
            Yaml = revision.Yaml,
            Id = revision.Id,
            Version = revision.Version,
            Revision = revision.Revision,
            Sha256 = revision.Sha256,
            PublishedBy = revision.PublishedBy ?? string.Empty,
            BuiltIn = revision.IsBuiltIn,
        };
        if (revision.PublishedAt is { } at)
        {
            document.PublishedAt = Timestamp.FromDateTimeOffset(at);
        }

        return document;
    }

    public static PublishResult ToResult(RulePackPublishOutcome outcome)
    {
        var result = new PublishResult
        {
            Id = outcome.InForce.Id,
            Version = outcome.InForce.Version,
            Revision = outcome.InForce.Revision,
            Unchanged = outcome.Unchanged,
            Sha256 = outcome.InForce.Sha256,
        };
        result.Warnings.Add(outcome.Warnings);
        if (outcome.InForce.PublishedAt is { } at)
        {
            result.PublishedAt = Timestamp.FromDateTimeOffset(at);
        }

        return result;
    }

    public static ValidationResult Valid(RulePack pack) =>
        new() { Valid = true, RuleCount = pack.Rules.Count, Id = pack.Id, Version = pack.Version };

    public static ValidationResult Invalid(RulePackException problem) =>
        new() { Valid = false, Error = problem.Message, Line = problem.Line ?? 0, Column = problem.Column ?? 0 };

    public static ValidationResult Invalid(RulePackVersionConflictException conflict) =>
        new() { Valid = false, Error = conflict.Message, Id = conflict.PackId, Version = conflict.Version };

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
