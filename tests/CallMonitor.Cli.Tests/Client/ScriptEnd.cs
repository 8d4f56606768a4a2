namespace CallMonitor.Cli.Tests.Client;

/// <summary>How a scripted subscription of <see cref="SupervisionDouble"/> ends.</summary>
public enum ScriptEnd
{
    /// <summary>The stream stays open until the client goes.</summary>
    Hold,

    /// <summary>FellBehind is sent and the stream ends.</summary>
    FallBehind,

    /// <summary>The TCP connection is aborted.</summary>
    Drop,

    /// <summary>The HTTP/2 stream is reset; the connection stays.</summary>
    Reset,
}
