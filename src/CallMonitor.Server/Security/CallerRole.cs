namespace CallMonitor.Server.Security;

/// <summary>What an API key may do; the key file's <c>role</c> field.</summary>
public enum CallerRole
{
    /// <summary>One agent's desk: streams that agent's calls and sees only that agent's alerts and reports.</summary>
    Agent,

    /// <summary>A team lead: sees the alerts and reports of the teams listed for the key; does not stream calls.</summary>
    Supervisor,

    /// <summary>Operations: everything, including publishing rule packs.</summary>
    Admin,
}
