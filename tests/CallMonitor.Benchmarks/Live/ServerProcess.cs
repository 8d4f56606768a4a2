using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Grpc.Net.Client;

namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// <c>callmonitor serve</c> as a child process on a free loopback port with its own temporary data folder, ready once
/// its gRPC health service answers SERVING. Disposing kills it (this process started it) and deletes the folder.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptLogLines = 400;
    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly Queue<string> _log = new();

    private ServerProcess(Process process, ServiceNode node, string dataFolder)
    {
        _process = process;
        Node = node;
        _dataFolder = dataFolder;
    }

    public ServiceNode Node { get; }

    /// <summary>The service's "Engines loaded: …" line, once it printed one.</summary>
    public string? Engines { get; private set; }

    /// <summary>The last lines the service printed (stdout and stderr).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <exception cref="LiveBenchException">The process did not start, exited, or did not become ready in time.</exception>
    public static Task<ServerProcess> StartAsync(ServerLaunch launch, string name, TimeSpan readyTimeout, CancellationToken cancellationToken) =>
        StartAsync(launch, name, readyTimeout, [], cancellationToken);

    /// <param name="extraArguments">More <c>serve</c> options, e.g. <c>--redis HOST:PORT --shared-store CONN</c> for a node of a cluster.</param>
    /// <exception cref="LiveBenchException">The process did not start, exited, or did not become ready in time.</exception>
    public static async Task<ServerProcess> StartAsync(
        ServerLaunch launch, string name, TimeSpan readyTimeout, IReadOnlyList<string> extraArguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(extraArguments);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var data = Directory.CreateTempSubdirectory("callmonitor-live-bench-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = data,
        };
        foreach (var arg in new[] { launch.CallMonitorDll, "serve", "--urls", address.ToString().TrimEnd('/'), "--data", data, "--engines", launch.Engines }.Concat(extraArguments))
        {
            start.ArgumentList.Add(arg);
        }

        if (launch.RepositoryRoot is { } home)
        {
            start.Environment["CALLMONITOR_HOME"] = home;
        }

        if (!start.Environment.ContainsKey("MALLOC_ARENA_MAX"))
        {
            start.Environment["MALLOC_ARENA_MAX"] = "2"; // as ./callmonitor and the container run it
        }

        var process = Process.Start(start) ?? throw new LiveBenchException($"could not start dotnet {launch.CallMonitorDll}");
        var server = new ServerProcess(process, new ServiceNode(name, address, process.Id), data);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var channel = GrpcChannel.ForAddress(address);
            await HealthProbe.WaitUntilServingAsync(channel, readyTimeout, () => !process.HasExited, cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch (LiveBenchException ex)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw new LiveBenchException($"{ex.Message}; the service printed:\n{server.Log}");
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Still going after the kill: leave it to the OS rather than hang the benchmark.
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is left behind.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        var trimmed = line.Trim();
        if (trimmed.StartsWith("Engines loaded:", StringComparison.Ordinal))
        {
            Engines = trimmed["Engines loaded:".Length..].Trim();
        }

        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > KeptLogLines)
            {
                _log.Dequeue();
            }
        }
    }
}
