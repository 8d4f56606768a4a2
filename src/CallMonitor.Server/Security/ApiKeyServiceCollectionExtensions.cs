using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;

namespace CallMonitor.Server.Security;

/// <summary>Wires API keys into the service: the registry, and <see cref="ApiKeyInterceptor"/> on every gRPC method.</summary>
public static class ApiKeyServiceCollectionExtensions
{
    /// <summary>
    /// Loads <paramref name="keyFilePath"/> now, so a bad key file stops the service at start-up, registers the
    /// <see cref="ApiKeyRegistry"/> and adds <see cref="ApiKeyInterceptor"/> to the gRPC interceptors (once, however
    /// often this is called). Null: open access, every caller is <see cref="CallerIdentity.Open"/>.
    /// </summary>
    /// <exception cref="ApiKeyFileException">The key file is missing or invalid.</exception>
    public static IServiceCollection AddCallMonitorApiKeys(this IServiceCollection services, string? keyFilePath)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = keyFilePath is null ? ApiKeyRegistry.Open : ApiKeyFile.Load(keyFilePath);
        services.AddSingleton(registry);
        services.AddSingleton<ApiKeyInterceptor>();
        services.Configure<GrpcServiceOptions>(grpc =>
        {
            if (!grpc.Interceptors.Any(i => i.Type == typeof(ApiKeyInterceptor)))
            {
                grpc.Interceptors.Add<ApiKeyInterceptor>();
            }
        });
        return services;
    }
}
