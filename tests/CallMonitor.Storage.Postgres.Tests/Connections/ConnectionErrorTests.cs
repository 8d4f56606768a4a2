using System.Net;
using System.Net.Sockets;
using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Postgres.Tests.Support;
using CallMonitor.TestKit.Services;

namespace CallMonitor.Storage.Postgres.Tests.Connections;

public sealed class ConnectionErrorTests
{
    private const string Secret = "Sup3r-Secret-pw";

    [TestCase("Host=db;Password=" + Secret + ";Bogus Keyword=1")]
    [TestCase("Host=db;Port=not-a-port;Password=" + Secret)]
    [TestCase("Host=db;Password=" + Secret + ";Database")]
    [CancelAfter(10_000)]
    public void OpenAsync_MalformedConnectionString_ConfigurationErrorWithoutThePassword(string connectionString, CancellationToken token)
    {
        var ex = Assert.ThrowsAsync<StorageConfigurationException>(() =>
            PostgresStorage.OpenAsync(new PostgresStorageOptions { ConnectionString = connectionString }, cancellationToken: token));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("connection string"));
            Assert.That(ex.Message, Does.Not.Contain(Secret));
        });
    }

    [TestCase("")]
    [TestCase("Database=callmonitor;Username=cm")]
    [CancelAfter(10_000)]
    public void OpenAsync_NoHost_ConfigurationErrorSayingWhatToSet(string connectionString, CancellationToken token)
    {
        var ex = Assert.ThrowsAsync<StorageConfigurationException>(() =>
            PostgresStorage.OpenAsync(new PostgresStorageOptions { ConnectionString = connectionString }, cancellationToken: token));
        Assert.That(ex!.Message, Does.Contain("Host").Or.Contain("ConnectionString"));
    }

    [Test]
    [Category("Integration")]
    [CancelAfter(60_000)]
    public void OpenAsync_NothingListeningOnThePort_UnavailableNamingHostAndPort(CancellationToken token)
    {
        var port = ClosedLoopbackPort();
        var options = new PostgresStorageOptions
        {
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=cm;Password={Secret};Database=callmonitor",
            Resilience = PostgresDatabases.FastResilience,
        };

        var ex = Assert.ThrowsAsync<StorageUnavailableException>(() => PostgresStorage.OpenAsync(options, cancellationToken: token));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain($"127.0.0.1:{port}"));
            Assert.That(ex.Message, Does.Not.Contain(Secret));
        });
    }

    [Test]
    [Category("Integration")]
    [CancelAfter(30_000)]
    public void OpenAsync_WrongPassword_ConfigurationErrorNamingUserNotPassword(CancellationToken token)
    {
        var server = PostgresAssembly.Server;
        var options = new PostgresStorageOptions
        {
            ConnectionString = $"Host={PostgresServer.Host};Port={server.Port};Username={PostgresServer.User};Password={Secret};Database=postgres",
            Resilience = PostgresDatabases.FastResilience,
        };

        var ex = Assert.ThrowsAsync<StorageConfigurationException>(() => PostgresStorage.OpenAsync(options, cancellationToken: token));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain($"'{PostgresServer.User}'").And.Contain("Password"));
            Assert.That(ex.Message, Does.Not.Contain(Secret).And.Not.Contain(server.Password));
        });
    }

    [Test]
    [Category("Integration")]
    [CancelAfter(30_000)]
    public void OpenAsync_DatabaseMissing_ConfigurationErrorNamingTheDatabase(CancellationToken token)
    {
        var options = new PostgresStorageOptions
        {
            ConnectionString = PostgresAssembly.Server.ConnectionStringFor("no_such_database"),
            Resilience = PostgresDatabases.FastResilience,
        };

        var ex = Assert.ThrowsAsync<StorageConfigurationException>(() => PostgresStorage.OpenAsync(options, cancellationToken: token));
        Assert.That(ex!.Message, Does.Contain("no_such_database").And.Contain("does not exist"));
    }

    /// <summary>A loopback port nobody listens on (taken from the OS, then released).</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
