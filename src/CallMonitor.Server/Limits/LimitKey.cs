using CallMonitor.Server.Security;

namespace CallMonitor.Server.Limits;

/// <summary>
/// Whom a limit counts against: the API key (by its name, never the secret), or without a key file the client's IP
/// address (the port left out: one client opens many connections).
/// </summary>
/// <param name="Id">The dictionary key: <c>key:NAME</c> or <c>address:IP</c>.</param>
/// <param name="Label">How messages and logs name it.</param>
internal readonly record struct LimitKey(string Id, string Label)
{
    public static LimitKey For(CallerIdentity caller, string peer)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsOpen)
        {
            return new LimitKey("key:" + caller.Name.ToUpperInvariant(), $"key '{caller.Name}'");
        }

        var address = AddressOf(peer);
        return new LimitKey("address:" + address, $"client {address} (no key file: limits count per address)");
    }

    /// <summary>The address part of a gRPC peer string (<c>ipv4:127.0.0.1:5000</c>, <c>ipv6:[::1]:5000</c>); the whole string when it has another form.</summary>
    public static string AddressOf(string peer)
    {
        if (string.IsNullOrEmpty(peer))
        {
            return "unknown";
        }

        var scheme = peer.IndexOf(':', StringComparison.Ordinal);
        if (scheme < 0 || !(peer.StartsWith("ipv4:", StringComparison.Ordinal) || peer.StartsWith("ipv6:", StringComparison.Ordinal)))
        {
            return peer;
        }

        var rest = peer[(scheme + 1)..];
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? rest[1..close] : rest;
        }

        var port = rest.LastIndexOf(':');
        return port > 0 && rest.IndexOf(':', StringComparison.Ordinal) == port ? rest[..port] : rest;
    }
}
