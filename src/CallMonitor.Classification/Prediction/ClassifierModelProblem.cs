namespace CallMonitor.Classification;

/// <summary>Why a classifier model file could not be used.</summary>
public enum ClassifierModelProblem
{
    /// <summary>There is no file at the path.</summary>
    Missing,

    /// <summary>The file is not a readable ML.NET model archive (truncated, damaged, not a zip).</summary>
    Corrupt,

    /// <summary>The archive is readable but is not a CallMonitor classifier of a format this build knows.</summary>
    Incompatible,
}
