using CallMonitor.Server.Security;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Tests.Security;

/// <summary>
/// A small Kestrel host on a free loopback port (h2c) with API keys wired by AddCallMonitorApiKeys, the real gRPC
/// health and reflection services, <see cref="FixedRulesService"/> and <see cref="ProbeService"/>.
/// </summary>
public sealed class SecuredTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _keyFile;

    private SecuredTestServer(WebApplication app, string? keyFile, Uri address)
    {
        _app = app;
        _keyFile = keyFile;
        Channel = GrpcChannel.ForAddress(address);
    }

    public GrpcChannel Channel { get; }

    /// <param name="keyFileYaml">The key file's text; null: no key file (open access).</param>
    public static async Task<SecuredTestServer> StartAsync(string? keyFileYaml, CancellationToken cancellationToken)
    {
        string? keyFile = null;
        if (keyFileYaml is not null)
        {
            keyFile = Path.Combine(Path.GetTempPath(), $"callmonitor-keys-{Guid.NewGuid():N}.yaml");
            await File.WriteAllTextAsync(keyFile, keyFileYaml, cancellationToken);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrpc();
        builder.Services.AddCallMonitorApiKeys(keyFile);
        builder.Services.AddGrpcHealthChecks().AddCheck("always", () => HealthCheckResult.Healthy());
        builder.Services.AddGrpcReflection();
        var app = builder.Build();
        app.MapGrpcService<FixedRulesService>();
        app.MapGrpcService<ProbeService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SecuredTestServer(app, keyFile, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_keyFile is not null)
        {
            File.Delete(_keyFile);
        }
    }
}
