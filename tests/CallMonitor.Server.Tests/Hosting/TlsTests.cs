using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CallMonitor.Server.Hosting;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CallMonitor.Server.Tests.Hosting;

/// <summary>The service on https:// with a certificate from a file: clients that trust it connect, the certificate is the one configured.</summary>
[Category("Integration")]
public class TlsTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Serve_HttpsWithPfxCertificate_ClientSeesThatCertificateAndIsServed(CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("callmonitor-tls-").FullName;
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            var pfx = Path.Combine(folder, "server.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "s3cret"), ct);
            var options = new ServerOptions
            {
                Urls = ["https://127.0.0.1:0"], Engines = ["none"], DataDirectory = Path.Combine(folder, "data"), CertificatePath = pfx, CertificatePassword = "s3cret",
            };
            await using var app = ServerHost.Build(ServerHost.CreateBuilder(options));
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

            string? presented = null;
            using var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
            {
                presented = cert?.GetCertHashString();
                return presented == certificate.GetCertHashString();
            };
            using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
            var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), cancellationToken: ct);
            await app.StopAsync(ct);

            Assert.Multiple(() =>
            {
                Assert.That(address, Does.StartWith("https://"));
                Assert.That(presented, Is.EqualTo(certificate.GetCertHashString()));
                Assert.That(reply.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("wrong password")]
    [TestCase("not a certificate")]
    public void CreateBuilder_UnusableCertificate_ErrorNamesTheFile(string problem)
    {
        var path = Path.GetTempFileName();
        try
        {
            if (problem == "wrong password")
            {
                using var key = RSA.Create(2048);
                using var certificate = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                    .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
                File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "right"));
            }
            else
            {
                File.WriteAllText(path, "hello");
            }

            var error = Assert.Throws<ArgumentException>(() => ServerHost.CreateBuilder(
                new ServerOptions { Urls = ["https://127.0.0.1:0"], CertificatePath = path, CertificatePassword = "wrong" }));

            Assert.That(error!.Message, Does.Contain(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void CreateBuilder_HttpsWithoutCertificate_ErrorSaysWhatToGive()
    {
        var error = Assert.Throws<ArgumentException>(() => ServerHost.CreateBuilder(new ServerOptions { Urls = ["https://127.0.0.1:0"] }));

        Assert.That(error!.Message, Does.Contain("--cert"));
    }
}
