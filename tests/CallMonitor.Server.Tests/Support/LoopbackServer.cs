using CallMonitor.Contracts.V1;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Reports;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CallMonitor.Server.Tests.Support;

/// <summary>The real service on a free loopback port (Kestrel, h2c) and a real gRPC channel to it.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        _channel = GrpcChannel.ForAddress(address);
        Calls = new CallAnalysis.CallAnalysisClient(_channel);
    }

    public Uri Address { get; }

    public CallAnalysis.CallAnalysisClient Calls { get; }

    public GrpcChannel Channel => _channel;

    public InMemoryReportSink Reports => _app.Services.GetRequiredService<InMemoryReportSink>();

    public static async Task<LoopbackServer> StartAsync(CancellationToken cancellationToken)
    {
        var app = ServerHost.Build(ServerHost.CreateBuilder(new ServerOptions { Urls = ["http://127.0.0.1:0"] }));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
