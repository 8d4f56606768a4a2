namespace CallMonitor.Models;

/// <summary>What .native/&lt;lib&gt;/ holds for one native engine library.</summary>
public enum NativeLibraryState
{
    /// <summary>The marker is there and every file it lists has the recorded sha256.</summary>
    Installed,

    /// <summary>No folder or no marker: scripts/install-native.sh has not run.</summary>
    Missing,

    /// <summary>A listed file is missing or has another sha256 than the marker records.</summary>
    Corrupt,

    /// <summary>The marker cannot be read or lacks package, version or files.</summary>
    InvalidMarker,
}
