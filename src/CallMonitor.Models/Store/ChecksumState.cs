namespace CallMonitor.Models;

/// <summary>How far the installed files could be verified.</summary>
public enum ChecksumState
{
    /// <summary>Nothing to check (the model is not installed).</summary>
    NotChecked,

    /// <summary>Every installed file matched the manifest's size and sha256.</summary>
    Verified,

    /// <summary>At least one file does not match.</summary>
    Mismatch,

    /// <summary>The files are present but the manifest has no per-file sha256 to check them against.</summary>
    Unverifiable,
}
