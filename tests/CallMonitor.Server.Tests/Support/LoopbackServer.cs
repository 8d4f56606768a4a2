using CallMonitor.Contracts.V1;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Storage;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CallMonitor.Server.Tests.Support;

/// <summary>
/// The real service on a free loopback port (Kestrel, h2c, SQLite storage in its own temporary folder unless one is
/// given) and a real gRPC channel to it.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;
    private readonly string? _ownedData;

    private LoopbackServer(WebApplication app, Uri address, string? ownedData)
    {
        _app = app;
        _ownedData = ownedData;
        Address = address;
        _channel = GrpcChannel.ForAddress(address);
        Calls = new CallAnalysis.CallAnalysisClient(_channel);
        Supervision = new Contracts.V1.Supervision.SupervisionClient(_channel);
        Reports = new Contracts.V1.Reports.ReportsClient(_channel);
    }

    public Uri Address { get; }

    public CallAnalysis.CallAnalysisClient Calls { get; }

    public Contracts.V1.Supervision.SupervisionClient Supervision { get; }

    public Contracts.V1.Reports.ReportsClient Reports { get; }

    public GrpcChannel Channel => _channel;

    public ServerStorage Storage => _app.Services.GetRequiredService<ServerStorage>();

    public IServiceProvider Services => _app.Services;

    /// <param name="options">Options to start with; URLs are replaced by a free loopback port, and a temporary data folder is used when none is set.</param>
    public static async Task<LoopbackServer> StartAsync(CancellationToken cancellationToken, ServerOptions? options = null)
    {
        string? owned = null;
        options ??= new ServerOptions();
        if (options.DataDirectory == new ServerOptions().DataDirectory)
        {
            owned = Path.Combine(Path.GetTempPath(), "callmonitor-server-tests", Guid.NewGuid().ToString("N"));
            options = options with { DataDirectory = owned };
        }

        var app = ServerHost.Build(ServerHost.CreateBuilder(options with { Urls = ["http://127.0.0.1:0"] }));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address), owned);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownedData is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_ownedData, recursive: true);
        }
    }
}
