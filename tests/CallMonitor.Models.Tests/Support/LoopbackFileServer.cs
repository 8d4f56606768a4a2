using System.Net;
using System.Net.Sockets;

namespace CallMonitor.Models.Tests.Support;

/// <summary>A small HTTP server on 127.0.0.1 that serves fixed byte arrays by path and counts requests.</summary>
internal sealed class LoopbackFileServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly Task loop;
    private int requests;

    public LoopbackFileServer()
    {
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public int Requests => requests;

    public Uri Add(string path, byte[] content)
    {
        lock (files)
        {
            files["/" + path] = content;
        }

        return new Uri($"http://127.0.0.1:{Port}/{path}");
    }

    /// <summary>A loopback port nobody listens on: connecting to it is refused at once.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was stopped under a pending GetContextAsync.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref requests);
            byte[]? body;
            lock (files)
            {
                files.TryGetValue(context.Request.Url!.AbsolutePath, out body);
            }

            using var response = context.Response;
            if (body is null)
            {
                response.StatusCode = 404;
                continue;
            }

            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
        }
    }
}
