namespace CallMonitor.Domain.Calls;

/// <summary>
/// Which speaker each channel of a recording or live stream carries. Stereo call recordings put the
/// agent and the customer on separate channels; the caller says which (<c>agent,customer</c> by default).
/// A mono recording is one <see cref="SpeakerRole.Mixed"/> channel; extra channels of a multi-channel file
/// that no role names are ignored.
/// </summary>
public sealed record ChannelLayout
{
    private ChannelLayout(IReadOnlyList<SpeakerRole> roles) => Roles = roles;

    /// <summary>Role of each channel, by channel index. <see cref="SpeakerRole.Mixed"/> for a mono layout.</summary>
    public IReadOnlyList<SpeakerRole> Roles { get; }

    public bool IsMono => Roles.Count == 1 && Roles[0] == SpeakerRole.Mixed;

    public static ChannelLayout AgentCustomer { get; } = new([SpeakerRole.Agent, SpeakerRole.Customer]);

    public static ChannelLayout CustomerAgent { get; } = new([SpeakerRole.Customer, SpeakerRole.Agent]);

    public static ChannelLayout Mono { get; } = new([SpeakerRole.Mixed]);

    /// <summary>Parses <c>agent,customer</c>, <c>customer,agent</c> or <c>mono</c>.</summary>
    /// <exception cref="FormatException">The text names no known layout.</exception>
    public static ChannelLayout Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && parts[0].Equals("mono", StringComparison.OrdinalIgnoreCase))
        {
            return Mono;
        }

        var roles = new List<SpeakerRole>();
        foreach (var part in parts)
        {
            if (!SpeakerRoles.TryParse(part, out var role) || role == SpeakerRole.Mixed || roles.Contains(role))
            {
                throw new FormatException(
                    $"channel layout '{text}' is not valid: use 'agent,customer', 'customer,agent' or 'mono'");
            }

            roles.Add(role);
        }

        if (roles.Count != 2)
        {
            throw new FormatException(
                $"channel layout '{text}' is not valid: use 'agent,customer', 'customer,agent' or 'mono'");
        }

        return new ChannelLayout(roles);
    }

    public override string ToString() => IsMono ? "mono" : string.Join(',', Roles.Select(r => r.ToWireName()));
}
