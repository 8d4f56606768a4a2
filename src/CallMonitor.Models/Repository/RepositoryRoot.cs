namespace CallMonitor.Models;

/// <summary>Finds the repository root: $CALLMONITOR_HOME, else the nearest folder above the program holding CallMonitor.sln.</summary>
public static class RepositoryRoot
{
    public const string SolutionFileName = "CallMonitor.sln";

    /// <summary>The repository root.</summary>
    /// <exception cref="RepositoryRootNotFoundException">Not found.</exception>
    public static string Find() =>
        TryFind() ?? throw new RepositoryRootNotFoundException(AppContext.BaseDirectory);

    /// <summary>The repository root, or null.</summary>
    public static string? TryFind() =>
        TryFind(AppContext.BaseDirectory, Environment.GetEnvironmentVariable(ModelEnvironment.HomeVariable));

    /// <summary>Walks up from <paramref name="startDirectory"/>; a non-empty <paramref name="home"/> wins when it is a folder.</summary>
    public static string? TryFind(string startDirectory, string? home)
    {
        if (!string.IsNullOrWhiteSpace(home) && Directory.Exists(home))
        {
            return Path.GetFullPath(home);
        }

        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
