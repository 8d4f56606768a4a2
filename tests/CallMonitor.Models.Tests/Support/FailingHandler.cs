using System.Net.Sockets;

namespace CallMonitor.Models.Tests.Support;

/// <summary>Answers every request the way an offline machine does: the host name cannot be resolved.</summary>
internal sealed class FailingHandler : HttpMessageHandler
{
    private int calls;

    public int Calls => calls;

    public List<Uri> Requested { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        lock (Requested)
        {
            Requested.Add(request.RequestUri!);
        }

        var socket = new SocketException((int)SocketError.HostNotFound);
        throw new HttpRequestException($"{socket.Message} ({request.RequestUri!.Host}:443)", socket);
    }
}
