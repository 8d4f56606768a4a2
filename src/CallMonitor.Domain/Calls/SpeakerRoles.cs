namespace CallMonitor.Domain.Calls;

/// <summary>Wire names of <see cref="SpeakerRole"/> ("agent", "customer", ...), used in reports and transcripts.</summary>
public static class SpeakerRoles
{
    public static string ToWireName(this SpeakerRole role) => role switch
    {
        SpeakerRole.Agent => "agent",
        SpeakerRole.Customer => "customer",
        SpeakerRole.Mixed => "mixed",
        SpeakerRole.Conversation => "conversation",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown speaker role"),
    };

    public static bool TryParse(string? text, out SpeakerRole role)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "AGENT": role = SpeakerRole.Agent; return true;
            case "CUSTOMER": role = SpeakerRole.Customer; return true;
            case "MIXED" or "MONO": role = SpeakerRole.Mixed; return true;
            default: role = default; return false;
        }
    }
}
