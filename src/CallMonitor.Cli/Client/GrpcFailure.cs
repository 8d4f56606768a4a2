using CallMonitor.Cli.Infrastructure;
using Grpc.Core;

namespace CallMonitor.Cli.Client;

/// <summary>A failed gRPC call as one line on stderr (<c>callmonitor: error: STATUS: detail</c>) and an exit code.</summary>
public static class GrpcFailure
{
    public static int ExitCode(StatusCode status) => status switch
    {
        StatusCode.OK => ExitCodes.Ok,
        StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.OutOfRange or StatusCode.AlreadyExists => ExitCodes.BadInput,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => ExitCodes.Unauthorized,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => ExitCodes.ServerUnavailable,
        StatusCode.Cancelled => ExitCodes.Cancelled,
        _ => ExitCodes.ServerError,
    };

    /// <summary><c>STATUS: detail</c> on one line, with a hint for the failures a person can fix.</summary>
    public static string Describe(RpcException failure, Uri server)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(server);
        var detail = string.IsNullOrWhiteSpace(failure.Status.Detail) ? "(no detail)" : failure.Status.Detail.ReplaceLineEndings(" ").Trim();
        var hint = failure.StatusCode switch
        {
            StatusCode.Unavailable => $" (is `callmonitor serve` running at {server}?)",
            StatusCode.Unauthenticated => $" (give --api-key or set {ServerConnection.ApiKeyVariable})",
            StatusCode.Unimplemented => $" (the server at {server} does not offer this service: is it a CallMonitor server of this version?)",
            _ => string.Empty,
        };
        return $"{failure.StatusCode}: {detail}{hint}";
    }

    /// <summary>Writes the error line to <paramref name="error"/> and returns the exit code.</summary>
    public static int Report(RpcException failure, Uri server, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"callmonitor: error: {Describe(failure, server)}");
        return ExitCode(failure.StatusCode);
    }
}
