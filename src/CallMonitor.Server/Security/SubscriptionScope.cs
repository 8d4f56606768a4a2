namespace CallMonitor.Server.Security;

/// <summary>The violation events a subscriber may receive, from <see cref="CallerIdentity.AuthorizeSubscription"/>.</summary>
public sealed class SubscriptionScope
{
    internal SubscriptionScope(IReadOnlySet<string>? teams, string? agentId)
    {
        Teams = teams;
        AgentId = agentId;
    }

    /// <summary>Only events of these teams; null: every team.</summary>
    public IReadOnlySet<string>? Teams { get; }

    /// <summary>Only events of this agent; null: every agent (of <see cref="Teams"/>).</summary>
    public string? AgentId { get; }

    /// <summary>True when an event of <paramref name="agentId"/> in <paramref name="team"/> may be delivered.</summary>
    public bool Includes(string agentId, string team) =>
        (Teams is null || Teams.Contains(team)) && (AgentId is null || AgentId == agentId);
}
