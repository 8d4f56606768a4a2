using CallMonitor.Server.Calls;
using CallMonitor.Server.Events;
using CallMonitor.Server.Logging;
using CallMonitor.Server.Observability;
using CallMonitor.Hosting.Engines;
using CallMonitor.Server.Reports;
using CallMonitor.Server.Rules;
using CallMonitor.Server.Security;
using CallMonitor.Server.Storage;
using CallMonitor.Server.Supervision;
using CallMonitor.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Hosting;

/// <summary>
/// The live service on Kestrel: HTTP/2 (h2c on http:// URLs, TLS on https://), CallAnalysis, Supervision, Reports,
/// Rules, gRPC health and server reflection, API keys, the embedded SQLite storage. Engines and storage are opened once, when the
/// application is built, and shared by every call.
/// </summary>
public static class ServerHost
{
    /// <summary>Services and Kestrel configured; add more before <see cref="Build"/>.</summary>
    /// <exception cref="ArgumentException">Invalid options, or a certificate that cannot be used.</exception>
    public static WebApplicationBuilder CreateBuilder(ServerOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var certificate = options.CertificatePath is null ? null : ServerCertificates.Load(options);
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls([.. options.Urls]);
        if (certificate is not null)
        {
            // The slim builder leaves HTTPS out until asked for.
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
            if (certificate is not null)
            {
                k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            }
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => AnalysisEngines.Load());
        builder.Services.AddSingleton(_ => SpeechEngineSet.Open(options.Engines));
        builder.Services.AddSingleton(sp => RulePackRegistry.OpenAsync(
            sp.GetRequiredService<SpeechEngineSet>(),
            sp.GetRequiredService<AnalysisEngines>().ComplianceOptions,
            sp.GetRequiredService<SqliteStorage>().RulePacks,
            sp.GetRequiredService<ILogger<RulePackRegistry>>()).GetAwaiter().GetResult());
        builder.Services.AddSingleton<RulesAuthorizer>(AuthorizeRules);
        builder.Services.AddCallMonitorApiKeys(options.ApiKeysPath);
        builder.Services.AddSingleton(sp => new ServerMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddSingleton(options.MaskSensitiveNumbers ? ReportPrivacy.Default : ReportPrivacy.Disabled);
        builder.Services.AddSingleton(sp => SqliteStorage.OpenAsync(
            new SqliteStorageOptions { DatabasePath = Path.Combine(options.DataDirectory, "callmonitor.db") }, sp.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult());
        builder.Services.AddSingleton<IEventFeed>(sp => new LocalEventFeed(
            sp.GetRequiredService<SqliteStorage>().Events, sp.GetRequiredService<ServerMetrics>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp =>
        {
            var sqlite = sp.GetRequiredService<SqliteStorage>();
            return new ServerStorage(sqlite.Calls, sqlite.Reports, sp.GetRequiredService<IEventFeed>());
        });
        builder.Services.AddGrpc(grpc => grpc.EnableDetailedErrors = false);
        builder.Services.AddGrpcHealthChecks().AddCheck("engines", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>Builds the application from <paramref name="builder"/>: storage opened and migrated, engines loaded, endpoints mapped.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServerHost).FullName!);
        var storage = app.Services.GetRequiredService<SqliteStorage>();
        ServerLog.StorageOpened(logger, Path.GetFullPath(Path.Combine(app.Services.GetRequiredService<ServerOptions>().DataDirectory, "callmonitor.db")), storage.SchemaVersion);
        var engines = app.Services.GetRequiredService<AnalysisEngines>();
        var rules = app.Services.GetRequiredService<RulePackRegistry>().Current;
        ServerLog.EnginesLoaded(
            logger,
            rules.SpeechEngines.Count == 0 ? "none" : string.Join(", ", rules.SpeechEngines.Select(e => e.Name)),
            engines.Detectors.DetectorName,
            engines.ClassifierName ?? "not installed");
        ServerLog.RulePackInForce(logger, rules.Pack.Id, rules.Pack.Version, rules.Source.IsBuiltIn ? "built in" : $"revision {rules.Source.Revision}");
        foreach (var warning in rules.Warnings)
        {
            ServerLog.EngineWarning(logger, warning);
        }

        if (app.Services.GetRequiredService<ApiKeyRegistry>().IsOpen)
        {
            ServerLog.OpenAccess(logger);
        }

        app.MapGrpcService<CallAnalysisService>();
        app.MapGrpcService<SupervisionService>();
        app.MapGrpcService<ReportsService>();
        app.MapGrpcService<RulesService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>Any caller with a key may read and validate rule packs; only an administrator may publish one.</summary>
    private static ValueTask<string> AuthorizeRules(Grpc.Core.ServerCallContext context, RulesOperation operation)
    {
        var caller = CallerIdentity.Of(context);
        if (operation == RulesOperation.Publish)
        {
            caller.RequireAdmin("publishing a rule pack");
        }

        return ValueTask.FromResult(caller.Name);
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
