namespace CallMonitor.Cli.Client;

/// <summary>Why <c>callmonitor watch</c> stopped.</summary>
public enum WatchStop
{
    /// <summary>Printed the number of events asked for (<c>--count</c>).</summary>
    CountReached,

    /// <summary>No event for the idle time asked for (<c>--until-idle</c>).</summary>
    Idle,

    /// <summary>Stopped by the user (Ctrl+C).</summary>
    Cancelled,
}
