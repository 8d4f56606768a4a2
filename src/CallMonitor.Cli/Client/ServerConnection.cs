using CallMonitor.Cli.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace CallMonitor.Cli.Client;

/// <summary>
/// A gRPC channel to a CallMonitor server plus the headers every call carries (<c>authorization: Bearer KEY</c>
/// when an API key is given). <c>http://</c> is HTTP/2 without TLS (h2c), <c>https://</c> is TLS.
/// </summary>
public sealed class ServerConnection : IDisposable
{
    /// <summary>The environment variable read when no <c>--api-key</c> is given.</summary>
    public const string ApiKeyVariable = "CALLMONITOR_API_KEY";

    private ServerConnection(Uri address, GrpcChannel channel, Metadata headers)
    {
        Address = address;
        Channel = channel;
        Headers = headers;
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    /// <summary>Headers to send with every call (empty without an API key).</summary>
    public Metadata Headers { get; }

    /// <summary>Opens a channel to <paramref name="server"/>; no connection is made until the first call.</summary>
    /// <exception cref="UsageException">The address is not an http(s) URL or the key cannot be sent as a header.</exception>
    public static ServerConnection Open(string server, string? apiKey)
    {
        var address = ParseAddress(server);
        var headers = ApiKeyHeaders(apiKey);
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(10),

            // A supervisor's stream may stay quiet for hours: pings tell a dead server from a quiet one.
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        };
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        return new ServerConnection(address, channel, headers);
    }

    /// <summary>The key given on the command line, else <see cref="ApiKeyVariable"/>, else null.</summary>
    public static string? ResolveApiKey(string? option)
    {
        var key = string.IsNullOrWhiteSpace(option) ? Environment.GetEnvironmentVariable(ApiKeyVariable) : option;
        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }

    /// <summary><c>http://host:port</c> or <c>https://host:port</c>; a bare <c>host:port</c> is taken as http.</summary>
    /// <exception cref="UsageException">Not such an address.</exception>
    public static Uri ParseAddress(string server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var text = server.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            throw new UsageException($"--server '{server}' is not a server address such as http://127.0.0.1:5005 (h2c) or https://monitor.example:5005");
        }

        return uri;
    }

    public void Dispose() => Channel.Dispose();

    private static Metadata ApiKeyHeaders(string? apiKey)
    {
        var headers = new Metadata();
        if (apiKey is null)
        {
            return headers;
        }

        if (apiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '~'))
        {
            throw new UsageException("the API key holds spaces or characters a header cannot carry: give the key exactly as issued");
        }

        headers.Add("authorization", "Bearer " + apiKey);
        return headers;
    }
}
