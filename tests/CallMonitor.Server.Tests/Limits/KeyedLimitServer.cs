using CallMonitor.Server.Hosting;
using CallMonitor.Server.Limits;
using CallMonitor.Server.Security;
using CallMonitor.Server.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CallMonitor.Server.Tests.Limits;

/// <summary>The real server on loopback with a key file of two agent desks and an admin, and the limits it was given.</summary>
internal sealed class KeyedLimitServer : IAsyncDisposable
{
    public static readonly CallerIdentity DeskA1 = CallerIdentity.Agent("desk-a1", "a1", "north");
    public static readonly CallerIdentity DeskA2 = CallerIdentity.Agent("desk-a2", "a2", "north");
    public static readonly CallerIdentity Ops = CallerIdentity.Admin("ops");

    private readonly Dictionary<string, string> _keys;
    private readonly string _keyFile;

    private KeyedLimitServer(LoopbackServer server, string keyFile, Dictionary<string, string> keys)
    {
        Server = server;
        _keyFile = keyFile;
        _keys = keys;
    }

    public LoopbackServer Server { get; }

    public CallLimiter Limiter => Server.Services.GetRequiredService<CallLimiter>();

    public static async Task<KeyedLimitServer> StartAsync(CallLimitOptions limits, CancellationToken cancellationToken)
    {
        var keys = new[] { DeskA1, DeskA2, Ops }.ToDictionary(who => who.Name, _ => ApiKeyMaterial.NewKey());
        var keyFile = Path.GetTempFileName();
        var entries = new[] { DeskA1, DeskA2, Ops }.Select(who => ApiKeyFile.FormatEntry(who, ApiKeyMaterial.HashHex(keys[who.Name])));
        await File.WriteAllTextAsync(keyFile, "keys:\n" + string.Concat(entries), cancellationToken);
        var server = await LoopbackServer.StartAsync(cancellationToken, new ServerOptions { Engines = ["none"], ApiKeysPath = keyFile, Limits = limits });
        return new KeyedLimitServer(server, keyFile, keys);
    }

    /// <summary>Headers that present <paramref name="who"/>'s key.</summary>
    public Metadata As(CallerIdentity who) => new() { { "authorization", "Bearer " + _keys[who.Name] } };

    /// <summary>The secret key of <paramref name="who"/>, to check it never appears in a message.</summary>
    public string SecretOf(CallerIdentity who) => _keys[who.Name];

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        File.Delete(_keyFile);
    }
}
