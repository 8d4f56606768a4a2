namespace CallMonitor.Models;

/// <summary>No source (cache folder, cache archive, official URL) could provide a model; lists what each one said.</summary>
public sealed class ModelInstallException : ModelException
{
    public ModelInstallException(string name, IReadOnlyList<string> attempts, string installHint)
        : base(Format(name, attempts, installHint))
    {
        Name = name;
        Attempts = attempts;
        InstallHint = installHint;
    }

    public string Name { get; }

    /// <summary>One line per source tried, in order.</summary>
    public IReadOnlyList<string> Attempts { get; }

    public string InstallHint { get; }

    private static string Format(string name, IReadOnlyList<string> attempts, string installHint) =>
        $"could not install model {name}:{System.Environment.NewLine}"
        + string.Concat(attempts.Select(a => $"  - {a}{System.Environment.NewLine}"))
        + $"to install it: {installHint}";
}
