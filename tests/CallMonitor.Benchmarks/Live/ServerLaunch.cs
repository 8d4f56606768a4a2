namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// How to start <c>callmonitor serve</c>: the assembly (by default the one built beside this benchmark), the speech
/// engines, and the repository root the service finds its models and native libraries under (CALLMONITOR_HOME).
/// </summary>
internal sealed record ServerLaunch(string CallMonitorDll, string Engines, string? RepositoryRoot)
{
    /// <exception cref="LiveBenchException">No callmonitor.dll at <paramref name="dll"/> or beside the benchmark.</exception>
    public static ServerLaunch Locate(string? dll, string engines)
    {
        var path = Path.GetFullPath(dll ?? Path.Combine(AppContext.BaseDirectory, "callmonitor.dll"));
        if (!File.Exists(path))
        {
            throw new LiveBenchException(
                $"callmonitor.dll not found at {path}; build the benchmark (./bench.sh builds it with the service), pass --callmonitor PATH, "
                + "or pass --server URL to use a running service");
        }

        var home = Environment.GetEnvironmentVariable("CALLMONITOR_HOME") is { Length: > 0 } set ? set : FindRepository(Path.GetDirectoryName(path)!);
        return new ServerLaunch(path, engines, home);
    }

    /// <summary>The nearest folder holding CallMonitor.sln above the service, the benchmark or the working folder.</summary>
    private static string? FindRepository(string serviceFolder)
    {
        foreach (var start in new[] { serviceFolder, AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CallMonitor.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
