using System.Net;
using System.Net.Http.Headers;

namespace CallMonitor.Server.Tests.Fuzzing;

/// <summary>Posts raw bytes as a StreamCall request over HTTP/2 and returns the gRPC status the server ends it with.</summary>
internal static class RawStreamCall
{
    public static async Task<(string? Status, string Message)> SendAsync(HttpClient http, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/callmonitor.v1.CallAnalysis/StreamCall")
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        string? status = Header(response, "grpc-status");
        string message = Uri.UnescapeDataString(Header(response, "grpc-message") ?? string.Empty);
        return (status, message);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailing) ? trailing.First()
        : response.Headers.TryGetValues(name, out var values) ? values.First() : null;
}
