using Grpc.Core;

namespace CallMonitor.Server.Security;

/// <summary>
/// What each role may do. Every refusal is an <see cref="RpcException"/> with <see cref="StatusCode.PermissionDenied"/>
/// whose message says which key asked and which keys may. Agent ids and teams compare exactly (ordinal).
/// </summary>
public sealed partial record CallerIdentity
{
    /// <summary>StreamCall: an agent key for its own agent id and team only; admin any; supervisors never.</summary>
    /// <exception cref="RpcException">PermissionDenied.</exception>
    public void AuthorizeStreamCall(string agentId, string team)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(team);
        switch (Role)
        {
            case CallerRole.Admin:
                return;
            case CallerRole.Agent when agentId == AgentId && Teams.Contains(team):
                return;
            case CallerRole.Agent:
                throw Denied($"{this} may stream only its own calls (agent {AgentId}, team {OwnTeam}), not agent '{agentId}' in team '{team}'; use that agent's key or an admin key");
            default:
                throw Denied($"{this} may not stream calls: only an agent key (for its own agent and team) or an admin key may");
        }
    }

    /// <summary>
    /// Supervision.Subscribe: the filter to apply. An agent gets its own alerts only; a supervisor the requested teams
    /// if all are its own (none requested: all its own); admin what it asks for.
    /// </summary>
    /// <param name="teams">Requested teams; empty: every team the caller may see.</param>
    /// <param name="agentId">Requested agent; null or empty: any agent.</param>
    /// <exception cref="RpcException">PermissionDenied: another agent, or a team that is not the caller's.</exception>
    public AccessScope AuthorizeSubscription(IReadOnlyCollection<string> teams, string? agentId)
    {
        var (scopeTeams, scopeAgent) = Narrow(teams, agentId, "subscribe to alerts");
        return new AccessScope(scopeTeams, scopeAgent);
    }

    /// <summary>Reports.ListCalls: the filter to apply, by the same rules as <see cref="AuthorizeSubscription"/>.</summary>
    /// <param name="team">Requested team; null or empty: every team the caller may see.</param>
    /// <param name="agentId">Requested agent; null or empty: any agent.</param>
    /// <exception cref="RpcException">PermissionDenied: another agent, or a team that is not the caller's.</exception>
    public AccessScope AuthorizeCallQuery(string? team, string? agentId)
    {
        var (scopeTeams, scopeAgent) = Narrow(string.IsNullOrEmpty(team) ? [] : [team], agentId, "list calls");
        return new AccessScope(scopeTeams, scopeAgent);
    }

    /// <summary>May this caller read a call of <paramref name="agentId"/> in <paramref name="team"/>: an agent its own, a supervisor its teams', admin all.</summary>
    public bool CanRead(string agentId, string team)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(team);
        return Role switch
        {
            CallerRole.Admin => true,
            CallerRole.Supervisor => Teams.Contains(team),
            _ => agentId == AgentId && Teams.Contains(team),
        };
    }

    /// <summary><see cref="CanRead"/>, or PermissionDenied saying who may read the call.</summary>
    /// <exception cref="RpcException">PermissionDenied.</exception>
    public void AuthorizeRead(string agentId, string team)
    {
        if (!CanRead(agentId, team))
        {
            throw Denied($"{this} may not read a call of agent '{agentId}' in team '{team}': only that agent's key, a supervisor key for team '{team}' or an admin key may");
        }
    }

    /// <summary>Admin only (rule pack publishing …); <paramref name="action"/> names it for the message, e.g. "publishing a rule pack".</summary>
    /// <exception cref="RpcException">PermissionDenied.</exception>
    public void RequireAdmin(string action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        if (Role != CallerRole.Admin)
        {
            throw Denied($"{action} needs an admin key; the caller has {this}");
        }
    }

    private string OwnTeam => string.Join(", ", Teams);

    private (IReadOnlySet<string>? Teams, string? AgentId) Narrow(IReadOnlyCollection<string> teams, string? agentId, string what)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var wantedAgent = string.IsNullOrEmpty(agentId) ? null : agentId;
        var outside = teams.FirstOrDefault(t => !Teams.Contains(t));
        switch (Role)
        {
            case CallerRole.Agent:
                if (wantedAgent is not null && wantedAgent != AgentId)
                {
                    throw Denied($"{this} may {what} only for its own agent {AgentId}, not for agent '{wantedAgent}'; a supervisor key for the team or an admin key may");
                }

                if (outside is not null)
                {
                    throw Denied($"{this} may {what} only in its own team {OwnTeam}, not in team '{outside}'; a supervisor key for that team or an admin key may");
                }

                return (Teams, AgentId);
            case CallerRole.Supervisor:
                if (outside is not null)
                {
                    throw Denied($"{this} may {what} only for its own teams, not for team '{outside}'; a supervisor key for that team or an admin key may");
                }

                return (teams.Count == 0 ? Teams : ToSet(teams), wantedAgent);
            default:
                return (teams.Count == 0 ? null : ToSet(teams), wantedAgent);
        }
    }

    private static SortedSet<string> ToSet(IEnumerable<string> teams) => new(teams, StringComparer.Ordinal);

    private static RpcException Denied(string message) => new(new Status(StatusCode.PermissionDenied, message));
}
