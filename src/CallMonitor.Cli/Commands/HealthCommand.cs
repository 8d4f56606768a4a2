using System.CommandLine;
using CallMonitor.Cli.Client;
using CallMonitor.Cli.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace CallMonitor.Cli.Commands;

/// <summary>
/// <c>callmonitor health --server URL</c>: asks a running service's gRPC health check (what a container health check
/// or a load balancer asks); exit 0 when it is serving, 6 when it is not or cannot be reached.
/// </summary>
public static class HealthCommand
{
    public static Command Create()
    {
        var connection = new ConnectionOptions();
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the answer", DefaultValueFactory = _ => 3 };
        var command = new Command("health", "Check that a CallMonitor service is serving (gRPC health check)") { timeout };
        connection.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var seconds = AnalyzeCommand.ParseSeconds(parse.GetValue(timeout), "--timeout");
                using var server = connection.Open(parse);
                try
                {
                    var reply = await new Health.HealthClient(server.Channel)
                        .CheckAsync(new HealthCheckRequest(), server.Headers, DateTime.UtcNow.Add(seconds), token).ConfigureAwait(false);
                    await Console.Out.WriteLineAsync(reply.Status.ToString().ToUpperInvariant()).ConfigureAwait(false);
                    return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? ExitCodes.Ok : ExitCodes.ServerUnavailable;
                }
                catch (RpcException e)
                {
                    return GrpcFailure.Report(e, server.Address, Console.Error);
                }
            },
            ct));
        return command;
    }
}
