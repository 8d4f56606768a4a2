using Grpc.Core;

namespace CallMonitor.Server.Security;

/// <summary>
/// Who is calling, as the API key says: its name (a label for logs and messages, never the key), its role, and for
/// an agent key the agent id, for agent and supervisor keys the teams. <see cref="Of"/> reads it in a service
/// method; the authorization methods (in CallerIdentity.Authorization.cs) decide what it may do.
/// </summary>
public sealed partial record CallerIdentity
{
    private static readonly object StateKey = new();

    private CallerIdentity(string name, CallerRole role, string? agentId, IEnumerable<string> teams)
    {
        Name = name;
        Role = role;
        AgentId = agentId;
        Teams = new SortedSet<string>(teams, StringComparer.Ordinal);
    }

    /// <summary>The key's label from the key file.</summary>
    public string Name { get; }

    public CallerRole Role { get; }

    /// <summary>The agent an agent key belongs to; null for other roles.</summary>
    public string? AgentId { get; }

    /// <summary>An agent key's one team, a supervisor key's teams; empty for admin.</summary>
    public IReadOnlySet<string> Teams { get; }

    /// <summary>True for <see cref="Open"/>: the service runs without a key file.</summary>
    public bool IsOpen { get; private init; }

    /// <summary>Every caller when the service runs without a key file: acts as admin.</summary>
    public static CallerIdentity Open { get; } = new("open", CallerRole.Admin, null, []) { IsOpen = true };

    /// <exception cref="ArgumentException">An empty name, agent id or team.</exception>
    public static CallerIdentity Agent(string name, string agentId, string team)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(team);
        return new(RequireName(name), CallerRole.Agent, agentId, [team]);
    }

    /// <exception cref="ArgumentException">An empty name or team, or no team.</exception>
    public static CallerIdentity Supervisor(string name, IEnumerable<string> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var list = teams.ToList();
        if (list.Count == 0 || list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("a supervisor needs at least one team, none of them empty", nameof(teams));
        }

        return new(RequireName(name), CallerRole.Supervisor, null, list);
    }

    public static CallerIdentity Admin(string name) => new(RequireName(name), CallerRole.Admin, null, []);

    /// <summary>The identity <see cref="ApiKeyInterceptor"/> stored for this call.</summary>
    /// <exception cref="InvalidOperationException">No identity: the interceptor is not installed, or the method is exempt from keys.</exception>
    public static CallerIdentity Of(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserState.TryGetValue(StateKey, out var value) && value is CallerIdentity identity
            ? identity
            : throw new InvalidOperationException(
                $"no caller identity for {context.Method}: register the API key interceptor with services.AddCallMonitorApiKeys(...)");
    }

    internal void AttachTo(ServerCallContext context) => context.UserState[StateKey] = this;

    public bool Equals(CallerIdentity? other) =>
        other is not null
        && Name == other.Name
        && Role == other.Role
        && AgentId == other.AgentId
        && IsOpen == other.IsOpen
        && Teams.SetEquals(other.Teams);

    public override int GetHashCode() => HashCode.Combine(Name, Role, AgentId, IsOpen, Teams.Count);

    public override string ToString() => Role switch
    {
        CallerRole.Agent => $"agent key '{Name}' (agent {AgentId}, team {Teams.Single()})",
        CallerRole.Supervisor => $"supervisor key '{Name}' (teams {string.Join(", ", Teams)})",
        _ when IsOpen => "open access (no key file)",
        _ => $"admin key '{Name}'",
    };

    private static string RequireName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name;
    }
}
