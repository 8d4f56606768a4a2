using System.Globalization;
using System.Text;
using CallMonitor.Compliance.Rules;

namespace CallMonitor.Server.Rules;

/// <summary>Turns a submitted pack into a <see cref="RulePack"/>, or says precisely why it cannot be one.</summary>
internal static class RulePackCandidate
{
    /// <summary>Name the submitted YAML goes by in messages ("pack.yaml:12:5: …").</summary>
    public const string SourceName = "pack.yaml";

    /// <summary>Size check first (before any parsing), then the loader, then the id and version guards.</summary>
    /// <exception cref="RulePackException">Too large, does not load, or disagrees with the id/version sent with it.</exception>
    public static RulePack Parse(RulePackSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(submission.Yaml, nameof(submission));
        var bytes = Encoding.UTF8.GetByteCount(submission.Yaml);
        if (bytes > RulePackLimits.MaxBytes)
        {
            throw new RulePackException(SourceName, null, null, string.Create(CultureInfo.InvariantCulture,
                $"the pack is {bytes:N0} bytes of UTF-8 text; the limit is {RulePackLimits.MaxBytes:N0} bytes ({RulePackLimits.MaxBytes / (1024 * 1024)} MiB). Split it or remove unused phrases."));
        }

        if (string.IsNullOrWhiteSpace(submission.Yaml))
        {
            throw new RulePackException(SourceName, null, null, "the pack is empty: send the YAML text of the pack in the yaml field");
        }

        var pack = RulePackLoader.Parse(submission.Yaml, SourceName);
        Guard("id", submission.ExpectedId, pack.Id);
        Guard("version", submission.ExpectedVersion, pack.Version);
        return pack;
    }

    private static void Guard(string field, string? expected, string actual)
    {
        if (!string.IsNullOrEmpty(expected) && expected != actual)
        {
            throw new RulePackException(SourceName, null, null,
                $"the request's {field} field is '{expected}' but the YAML's {field} is '{actual}'; send the intended file, or leave the field empty");
        }
    }
}
