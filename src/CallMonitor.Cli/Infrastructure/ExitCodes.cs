namespace CallMonitor.Cli.Infrastructure;

/// <summary>Process exit codes, so scripts can tell bad input from a broken installation.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int Usage = 2;
    public const int BadInput = 3;
    public const int EngineUnavailable = 4;
    public const int Cancelled = 130;
}
