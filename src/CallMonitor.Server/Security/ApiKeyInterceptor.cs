using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Security;

/// <summary>
/// Checks the API key of every gRPC call (<c>authorization: Bearer &lt;key&gt;</c> or <c>x-api-key: &lt;key&gt;</c>) and
/// stores the caller's identity for <see cref="CallerIdentity.Of"/>. A missing or unknown key ends the call with
/// Unauthenticated before the service runs. Health checks and server reflection need no key; without a key file
/// (<see cref="ApiKeyRegistry.Open"/>) every caller is <see cref="CallerIdentity.Open"/>.
/// </summary>
public sealed class ApiKeyInterceptor(ApiKeyRegistry registry, ILogger<ApiKeyInterceptor> logger) : Interceptor
{
    public const string NoKeyMessage = "no API key: send 'authorization: Bearer <key>'";
    public const string UnknownKeyMessage = "unknown API key";

    private static readonly string[] ExemptPrefixes = ["/grpc.health.v1.Health/", "/grpc.reflection."];

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Authenticate(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Authenticate(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Authenticate(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Authenticate(context);
        return continuation(requestStream, responseStream, context);
    }

    /// <summary>True for methods callable without a key: gRPC health (container probes) and server reflection.</summary>
    public static bool IsExempt(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return ExemptPrefixes.Any(prefix => method.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>The key a call presents: the Bearer token of <c>authorization</c>, else <c>x-api-key</c>; null when neither is sent.</summary>
    /// <exception cref="RpcException">Unauthenticated: an <c>authorization</c> header that is not <c>Bearer &lt;key&gt;</c>.</exception>
    public static string? ReadKey(Metadata headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        const string scheme = "Bearer ";
        if (headers.GetValue("authorization") is { } authorization)
        {
            if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length == scheme.Length)
            {
                throw new RpcException(new Status(StatusCode.Unauthenticated, "the authorization header must be 'Bearer <key>'"));
            }

            return authorization[scheme.Length..].Trim();
        }

        return headers.GetValue("x-api-key")?.Trim() is { Length: > 0 } key ? key : null;
    }

    private void Authenticate(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (registry.IsOpen)
        {
            CallerIdentity.Open.AttachTo(context);
            return;
        }

        if (IsExempt(context.Method))
        {
            return;
        }

        string? key;
        try
        {
            key = ReadKey(context.RequestHeaders);
        }
        catch (RpcException e)
        {
            SecurityLog.Refused(logger, context.Method, context.Peer, e.Status.Detail);
            throw;
        }

        var identity = key is null ? null : registry.Find(key);
        if (identity is null)
        {
            var reason = key is null ? NoKeyMessage : UnknownKeyMessage;
            SecurityLog.Refused(logger, context.Method, context.Peer, reason);
            throw new RpcException(new Status(StatusCode.Unauthenticated, reason));
        }

        SecurityLog.Authenticated(logger, context.Method, context.Peer, identity.Name, identity.Role);
        identity.AttachTo(context);
    }
}
