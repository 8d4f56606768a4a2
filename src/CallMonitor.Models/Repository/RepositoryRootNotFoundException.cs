namespace CallMonitor.Models;

/// <summary>Neither CALLMONITOR_HOME nor a folder holding CallMonitor.sln above the program was found.</summary>
public sealed class RepositoryRootNotFoundException : ModelException
{
    public RepositoryRootNotFoundException(string startDirectory)
        : base($"cannot find the CallMonitor repository: no {RepositoryRoot.SolutionFileName} in {startDirectory} or any folder above it; "
            + $"set {ModelEnvironment.HomeVariable} to the repository folder")
    {
    }
}
