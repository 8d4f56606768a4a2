namespace CallMonitor.Pipeline.Engines;

/// <summary>How a speech engine fared in one call.</summary>
public enum EngineState
{
    /// <summary>Ran on every channel to the end of the call.</summary>
    Ok,

    /// <summary>Started but failed on at least one channel; the other engines went on.</summary>
    Failed,

    /// <summary>Asked for but could not be started (library or model missing); see the reason.</summary>
    Unavailable,
}
