using CallMonitor.Compliance.Rules;
using CallMonitor.Contracts.V1;

namespace CallMonitor.Server.Mapping;

/// <summary>The wire's Severity as a lower bound on the rules' severity (subscriptions and call listings filter by it).</summary>
public static class SeverityMapping
{
    /// <summary>The least severity to keep, or null (keep all) for SEVERITY_UNSPECIFIED or a value this version does not know.</summary>
    public static RuleSeverity? ToMinimum(Severity severity) => severity switch
    {
        Severity.Info => RuleSeverity.Info,
        Severity.Minor => RuleSeverity.Minor,
        Severity.Major => RuleSeverity.Major,
        Severity.Critical => RuleSeverity.Critical,
        _ => null,
    };
}
