namespace CallMonitor.Server.Security;

/// <summary>The calls a report query may return, from <see cref="CallerIdentity.AuthorizeCallQuery"/>.</summary>
public sealed class CallQueryScope
{
    internal CallQueryScope(IReadOnlySet<string>? teams, string? agentId)
    {
        Teams = teams;
        AgentId = agentId;
    }

    /// <summary>Only calls of these teams; null: every team.</summary>
    public IReadOnlySet<string>? Teams { get; }

    /// <summary>Only calls of this agent; null: every agent (of <see cref="Teams"/>).</summary>
    public string? AgentId { get; }

    /// <summary>True when a call of <paramref name="agentId"/> in <paramref name="team"/> may be listed.</summary>
    public bool Includes(string agentId, string team) =>
        (Teams is null || Teams.Contains(team)) && (AgentId is null || AgentId == agentId);
}
