using System.Net;
using System.Net.Http.Headers;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Tests.Support;
using Google.Protobuf;
using Grpc.Core;

namespace CallMonitor.Server.Tests.Calls;

/// <summary>Bytes that are not a CallFrame, sent on the real HTTP/2 stream: refused with a status that says so; other calls go on.</summary>
[Category("Integration")]
public class GarbageFrameTests
{
    [TestCase("random bytes after a good start")]
    [TestCase("random bytes as the first message")]
    [CancelAfter(60_000)]
    public async Task StreamCall_GarbageMessage_InvalidArgumentAndOtherCallsUnaffected(string when, CancellationToken ct)
    {
        await using var server = await LoopbackServer.StartAsync(ct, new ServerOptions { Engines = ["none"] });
        var good = TextCalls.StreamAsync(server.Calls, TextCalls.Rude("neighbour", "n1", "garbage"), ct);
        var garbage = new byte[512];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0xFF; // never a valid field tag start for CallFrame: wire type 7 does not exist
        var body = new MemoryStream();
        if (when.EndsWith("good start", StringComparison.Ordinal))
        {
            Frame(body, CallFrames.TextCallStart("garbage-1", "g1", "garbage").ToByteArray());
        }

        Frame(body, garbage);

        using var handler = new SocketsHttpHandler();
        using var http = new HttpClient(handler) { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/callmonitor.v1.CallAnalysis/StreamCall")         {
            Content = new ByteArrayContent(body.ToArray()),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        var status = Header(response, "grpc-status");
        var message = Uri.UnescapeDataString(Header(response, "grpc-message") ?? string.Empty);
        var neighbour = await good;

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{message} / HTTP {(int)response.StatusCode} {response.Version} {response.Headers} {response.TrailingHeaders}");
            Assert.That(message, Does.Contain("CallFrame"));
            Assert.That(neighbour.Any(u => u.Report is not null), Is.True, "the call alongside was hurt");
        });
    }

    private static void Frame(MemoryStream body, byte[] message)
    {
        body.WriteByte(0);
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, message.Length);
        body.Write(length);
        body.Write(message);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailing) ? trailing.First()
        : response.Headers.TryGetValues(name, out var values) ? values.First() : null;
}
