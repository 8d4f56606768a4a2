using CallMonitor.Cli.Infrastructure;
using CallMonitor.Contracts.V1;

namespace CallMonitor.Cli.Client;

/// <summary>The contract's enums as the lowercase names reports use (agent, major, confirmed...), and back.</summary>
public static class WireNames
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Minor => "minor",
        Severity.Major => "major",
        Severity.Critical => "critical",
        _ => "unspecified",
    };

    public static string Of(Speaker speaker) => speaker switch
    {
        Speaker.Agent => "agent",
        Speaker.Customer => "customer",
        Speaker.Mixed => "mixed",
        Speaker.Conversation => "conversation",
        _ => "unspecified",
    };

    public static string Of(ViolationState state) => state switch
    {
        ViolationState.Provisional => "provisional",
        ViolationState.Confirmed => "confirmed",
        ViolationState.Retracted => "retracted",
        _ => "unspecified",
    };

    /// <exception cref="UsageException">Not info, minor, major or critical.</exception>
    public static Severity ParseSeverity(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToUpperInvariant() switch
        {
            "INFO" => Severity.Info,
            "MINOR" => Severity.Minor,
            "MAJOR" => Severity.Major,
            "CRITICAL" => Severity.Critical,
            _ => throw new UsageException($"--min-severity '{text}' is not one of info, minor, major, critical"),
        };
    }
}
