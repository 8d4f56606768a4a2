using CallMonitor.Compliance.Engine;
using CallMonitor.Hosting.Engines;
using CallMonitor.Server.Rules;
using CallMonitor.Storage.RulePacks;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RulesContract = CallMonitor.Contracts.V1.Rules;

namespace CallMonitor.Server.Tests.Rules;

/// <summary>Kestrel on a free loopback port (h2c) serving only the Rules service, and a real gRPC client to it.</summary>
internal sealed class RulesHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SpeechEngineSet _speech;
    private readonly GrpcChannel _channel;

    private RulesHost(WebApplication app, SpeechEngineSet speech, RulePackRegistry registry, Uri address)
    {
        _app = app;
        _speech = speech;
        Registry = registry;
        _channel = GrpcChannel.ForAddress(address);
        Client = new RulesContract.RulesClient(_channel);
    }

    public RulesContract.RulesClient Client { get; }

    public RulePackRegistry Registry { get; }

    /// <param name="authorize">Registered as the service's <see cref="RulesAuthorizer"/> when given.</param>
    public static async Task<RulesHost> StartAsync(CancellationToken cancellationToken, RulesAuthorizer? authorize = null)
    {
        var speech = SpeechEngineSet.Open([SpeechEngineCatalog.None]);
        var registry = await RulePackRegistry.OpenAsync(
            speech, ComplianceEngineOptions.None, new InMemoryRulePackStore(), new RecordingLogger<RulePackRegistry>(), cancellationToken);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(registry);
        if (authorize is not null)
        {
            builder.Services.AddSingleton(authorize);
        }

        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<RulesService>();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RulesHost(app, speech, registry, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Registry.Dispose();
        _speech.Dispose();
    }
}
