namespace CallMonitor.Cli.Infrastructure;

/// <summary>Process exit codes, so scripts can tell bad input from a broken installation.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int Usage = 2;

    /// <summary>The input (or, for a client command, what the server was sent) is invalid: InvalidArgument, NotFound...</summary>
    public const int BadInput = 3;
    public const int EngineUnavailable = 4;

    /// <summary>The server refused the caller: no or a wrong API key (Unauthenticated), or a key without the right (PermissionDenied).</summary>
    public const int Unauthorized = 5;

    /// <summary>The server could not be reached or went away (Unavailable, DeadlineExceeded).</summary>
    public const int ServerUnavailable = 6;

    /// <summary>The server failed the call for another reason (Internal, Unimplemented, ResourceExhausted...).</summary>
    public const int ServerError = 7;
    public const int Cancelled = 130;
}
