using CallMonitor.Server.Tests.Support;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace CallMonitor.Server.Tests.Hosting;

/// <summary>What tools like grpcurl and load balancers rely on: health and reflection on the real server.</summary>
[Category("Integration")]
public class ServerHostTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Start_LoopbackPortZero_HealthServingAndReflectionListsCallAnalysis(CancellationToken ct)
    {
        await using var server = await LoopbackServer.StartAsync(ct);
        var health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: ct);

        using var reflection = new ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo(cancellationToken: ct);
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty }, ct);
        await reflection.RequestStream.CompleteAsync();
        Assert.That(await reflection.ResponseStream.MoveNext(ct), Is.True, "reflection answered nothing");
        var services = reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(server.Address.Port, Is.GreaterThan(0));
            Assert.That(health.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
            Assert.That(services, Does.Contain("callmonitor.v1.CallAnalysis").And.Contain("grpc.health.v1.Health"));
        });
    }
}
