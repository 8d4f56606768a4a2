using CallMonitor.Server.Calls;
using CallMonitor.Server.Logging;
using CallMonitor.Server.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Hosting;

/// <summary>
/// The live service on Kestrel: HTTP/2 (h2c on http:// URLs), CallAnalysis, gRPC health and server reflection.
/// Engines are loaded once, when the application is built, and shared by every call.
/// </summary>
public static class ServerHost
{
    /// <summary>Services and Kestrel configured; add more (storage, auth) before <see cref="Build"/>.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public static WebApplicationBuilder CreateBuilder(ServerOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => AnalysisEngines.Load(options.Engines));
        builder.Services.AddSingleton<InMemoryReportSink>();
        builder.Services.AddSingleton<IReportSink>(sp => sp.GetRequiredService<InMemoryReportSink>());
        builder.Services.AddGrpc(grpc => grpc.EnableDetailedErrors = false);
        builder.Services.AddGrpcHealthChecks().AddCheck("engines", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>Builds the application from <paramref name="builder"/>: engines loaded, endpoints mapped.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        var engines = app.Services.GetRequiredService<AnalysisEngines>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServerHost).FullName!);
        ServerLog.EnginesLoaded(
            logger,
            engines.Speech.Engines.Count == 0 ? "none" : string.Join(", ", engines.Speech.Engines.Select(e => e.Name)),
            engines.Detectors.DetectorName,
            engines.ClassifierName ?? "not installed");
        foreach (var warning in engines.Speech.Warnings)
        {
            ServerLog.EngineWarning(logger, warning);
        }

        app.MapGrpcService<CallAnalysisService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>Runs the service until <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task RunAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        var app = Build(CreateBuilder(options));
        await using (app.ConfigureAwait(false))
        {
            using var stopping = cancellationToken.Register(() => app.Lifetime.StopApplication());
            await app.RunAsync().ConfigureAwait(false);
        }
    }
}
