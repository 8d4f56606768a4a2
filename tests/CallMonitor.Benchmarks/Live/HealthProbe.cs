using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace CallMonitor.Benchmarks.Live;

/// <summary>Asks a service's gRPC health endpoint until it answers SERVING.</summary>
internal static class HealthProbe
{
    /// <param name="stillStarting">Checked between attempts: false (e.g. the process exited) stops the wait.</param>
    /// <exception cref="LiveBenchException">Not SERVING within <paramref name="timeout"/>, or <paramref name="stillStarting"/> said no.</exception>
    public static async Task WaitUntilServingAsync(GrpcChannel channel, TimeSpan timeout, Func<bool> stillStarting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(stillStarting);
        var health = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (!stillStarting())
            {
                throw new LiveBenchException($"the service stopped before it reported SERVING (last health answer: {last})");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }

                last = reply.Status.ToString();
            }
            catch (RpcException ex)
            {
                last = ex.Status.Detail is { Length: > 0 } detail ? $"{ex.StatusCode}: {detail}" : ex.StatusCode.ToString();
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new LiveBenchException($"{channel.Target} did not report SERVING within {timeout.TotalSeconds:0} s (last health answer: {last})");
    }
}
