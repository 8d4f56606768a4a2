namespace CallMonitor.Server.Security;

/// <summary>
/// What a caller may see: the events a subscription receives (<see cref="CallerIdentity.AuthorizeSubscription"/>) or
/// the calls a report query lists (<see cref="CallerIdentity.AuthorizeCallQuery"/>).
/// </summary>
public sealed class AccessScope
{
    internal AccessScope(IReadOnlySet<string>? teams, string? agentId)
    {
        Teams = teams;
        AgentId = agentId;
    }

    /// <summary>Only events or calls of these teams; null: every team.</summary>
    public IReadOnlySet<string>? Teams { get; }

    /// <summary>Only events or calls of this agent; null: every agent (of <see cref="Teams"/>).</summary>
    public string? AgentId { get; }

    /// <summary>True when an event or call of <paramref name="agentId"/> in <paramref name="team"/> is within the scope.</summary>
    public bool Includes(string agentId, string team) =>
        (Teams is null || Teams.Contains(team)) && (AgentId is null || AgentId == agentId);
}
