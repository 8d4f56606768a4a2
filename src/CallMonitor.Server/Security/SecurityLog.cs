using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Security;

/// <summary>Log messages of the API key check. Keys and their hashes are never logged; key names are.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(101, LogLevel.Warning, "Refused {Method} from {Peer}: {Reason}")]
    public static partial void Refused(ILogger logger, string method, string peer, string reason);

    [LoggerMessage(102, LogLevel.Debug, "{Method} from {Peer} as key '{Name}' ({Role})")]
    public static partial void Authenticated(ILogger logger, string method, string peer, string name, CallerRole role);
}
