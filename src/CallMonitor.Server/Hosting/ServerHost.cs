using CallMonitor.Engines.Native;
using CallMonitor.Server.Calls;
using CallMonitor.Server.Events;
using CallMonitor.Server.Events.Redis;
using CallMonitor.Server.Limits;
using CallMonitor.Server.Logging;
using CallMonitor.Server.Observability;
using CallMonitor.Hosting.Engines;
using CallMonitor.Server.Reports;
using CallMonitor.Server.Rules;
using CallMonitor.Server.Security;
using CallMonitor.Server.Storage;
using CallMonitor.Server.Supervision;
using CallMonitor.Storage.Postgres;
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
        NativeHeap.LimitArenas(Environment.ProcessorCount);
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
            sp.GetRequiredService<ServerStores>().RulePacks,
            sp.GetRequiredService<ILogger<RulePackRegistry>>()).GetAwaiter().GetResult());
        builder.Services.AddSingleton<RulesAuthorizer>(AuthorizeRules);
        if (options.SharedStore is not null)
        {
            builder.Services.AddHostedService<RulePackFollower>();
        }

        builder.Services.AddCallMonitorApiKeys(options.ApiKeysPath);
        builder.Services.AddSingleton(sp => new ServerMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddSingleton(sp => new CallLimiter(options.Limits, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ServerMetrics>(), sp.GetRequiredService<ILogger<CallLimiter>>()));
        builder.Services.AddSingleton(options.MaskSensitiveNumbers ? ReportPrivacy.Default : ReportPrivacy.Disabled);
        builder.Services.AddSingleton(sp => SqliteStorage.OpenAsync(
            new SqliteStorageOptions { DatabasePath = EmbeddedDatabase(options) }, sp.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult());
        builder.Services.AddSingleton(sp => PostgresStorage.OpenAsync(
            new PostgresStorageOptions { ConnectionString = options.SharedStore! }, sp.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult());
        builder.Services.AddSingleton(sp => options.SharedStore is null
            ? ServerStores.From(sp.GetRequiredService<SqliteStorage>(), EmbeddedDatabase(options))
            : ServerStores.From(sp.GetRequiredService<PostgresStorage>()));
        builder.Services.AddSingleton<IEventFeed>(sp => OpenEventFeed(sp, options));
        builder.Services.AddSingleton(sp =>
        {
            var stores = sp.GetRequiredService<ServerStores>();
            return new ServerStorage(stores.Calls, stores.Reports, sp.GetRequiredService<IEventFeed>());
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
        var stores = app.Services.GetRequiredService<ServerStores>();
        ServerLog.StorageOpened(logger, stores.Description, stores.SchemaVersion);
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

        // Opened now, not at the first call: a multi-node feed starts following the stream and flushing its outbox.
        _ = app.Services.GetRequiredService<IEventFeed>();
        app.MapGrpcService<CallAnalysisService>();
        app.MapGrpcService<SupervisionService>();
        app.MapGrpcService<ReportsService>();
        app.MapGrpcService<RulesService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    private static string EmbeddedDatabase(ServerOptions options) => Path.Combine(options.DataDirectory, "callmonitor.db");

    /// <summary>The shared stream on Redis in multi-node mode (outbox in the data folder), else the embedded log.</summary>
    private static IEventFeed OpenEventFeed(IServiceProvider services, ServerOptions options)
    {
        var metrics = services.GetRequiredService<ServerMetrics>();
        var time = services.GetRequiredService<TimeProvider>();
        if (options.Redis is not { } redis)
        {
            return new LocalEventFeed(services.GetRequiredService<SqliteStorage>().Events, metrics, time);
        }

        return RedisEventFeed.OpenAsync(
            new RedisFeedOptions { Configuration = redis },
            Path.Combine(options.DataDirectory, "event-outbox.db"),
            metrics,
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RedisEventFeed).FullName!),
            time).GetAwaiter().GetResult();
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
