using System.Diagnostics;
using System.Text;
using CallMonitor.TestKit.Timeouts;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace CallMonitor.Cli.Tests.Client;

/// <summary>
/// The real <c>callmonitor serve</c> as a child process on a free loopback port, in its own working folder (its
/// embedded data lives there), ready once the gRPC health service answers SERVING. Disposing kills it.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _folder;

    private ServeProcess(Process process, Uri address, string folder)
    {
        _process = process;
        Address = address;
        _folder = folder;
    }

    public Uri Address { get; }

    /// <summary>What the server wrote so far (stdout and stderr), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<ServeProcess> StartAsync(CancellationToken cancellationToken, params string[] extraArgs)
    {
        var port = LoopbackGrpcHost.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var folder = Directory.CreateTempSubdirectory("callmonitor-serve-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = folder,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "callmonitor.dll"), "serve", "--urls", address.ToString().TrimEnd('/') }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var server = new ServeProcess(process, address, folder);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilServingAsync(cancellationToken).WithTimeout(TimeSpan.FromSeconds(90), "callmonitor serve to report SERVING");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(Address);
        var health = new Health.HealthClient(channel);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new AssertionException($"callmonitor serve exited with {_process.ExitCode} before it served:\n{Log}");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (Grpc.Core.RpcException)
            {
                // Not listening yet (or still loading engines).
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
