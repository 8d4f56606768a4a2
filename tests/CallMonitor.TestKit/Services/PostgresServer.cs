using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CallMonitor.TestKit.Services;

/// <summary>
/// A private, throw-away PostgreSQL cluster for integration tests: <c>initdb</c> in a temp folder, listening on
/// 127.0.0.1 on a free port (socket in the same folder), fsync off. The <c>postgres</c> superuser logs in over TCP with
/// a random password (so tests can also try a wrong one). Starting costs seconds: start one per test assembly and give
/// each test its own database (<see cref="CreateDatabaseAsync"/>). When running as root the cluster belongs to the
/// <c>postgres</c> user and the server programs run through <c>runuser</c>. Dispose stops it and deletes the folder.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly string _binaries;
    private readonly string _folder;
    private bool _running;

    private PostgresServer(string binaries, string folder, int port, string password)
    {
        _binaries = binaries;
        _folder = folder;
        Port = port;
        Password = password;
    }

    public static string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The superuser tests log in as.</summary>
    public static string User => "postgres";

    /// <summary>The superuser's password (random per cluster).</summary>
    public string Password { get; }

    /// <summary>Connection string of the <c>postgres</c> maintenance database (create test databases instead of using it).</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string DataFolder => Path.Combine(_folder, "data");

    /// <summary>
    /// Initialises and starts a new cluster. Ignores the test (visibly) when the PostgreSQL server programs are not
    /// installed, or when running as root without a <c>postgres</c> user to run them.
    /// </summary>
    public static async Task<PostgresServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.FolderOrNull;
        if (binaries is null)
        {
            Assert.Ignore(PostgresBinaries.MissingReason);
        }

        if (ToolProcess.IsRoot && !File.ReadAllText("/etc/passwd").Contains("\npostgres:", StringComparison.Ordinal))
        {
            Assert.Ignore("Running as root and there is no 'postgres' user to run the PostgreSQL server as (PostgreSQL refuses root)");
        }

        var folder = Path.Combine(Path.GetTempPath(), "callmonitor-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(binaries!, folder, FreeLoopbackPort(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        try
        {
            await server.InitialiseAsync(cancellationToken).ConfigureAwait(false);
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public string ConnectionStringFor(string database) => string.Create(CultureInfo.InvariantCulture,
        $"Host={Host};Port={Port};Username={User};Password={Password};Database={database}");

    /// <summary>Creates an empty database and returns its connection string. Names: lower-case letters, digits, underscores.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"Database name '{name}' must be 1-63 lower-case letters, digits or underscores, starting with a letter.", nameof(name));
        }

        await PsqlAsync($"CREATE DATABASE {name};", cancellationToken).ConfigureAwait(false);
        return ConnectionStringFor(name);
    }

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) on the same port and data; waits until it accepts connections. No-op when running.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_running)
        {
            return;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        var (exitCode, output) = await ToolProcess.RunAsync(Tool("pg_ctl"),
            ["-D", DataFolder, "-l", LogPath, "-w", "-t", "60", "start"], runAsPostgres: true, limit.Token).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL did not start (pg_ctl exit {exitCode}): {output.Trim()}\nServer log:\n{ReadLogTail()}");
        }

        _running = true;
    }

    /// <summary>Stops the server at once (fast shutdown: open sessions are ended with 57P01), keeping its data.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_running)
        {
            return;
        }

        await ToolProcess.RunCheckedAsync(Tool("pg_ctl"), ["-D", DataFolder, "-m", "fast", "-w", "-t", "60", "stop"],
            runAsPostgres: true, cancellationToken).ConfigureAwait(false);
        _running = false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var limit = new CancellationTokenSource(StartLimit);
            await StopAsync(limit.Token).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not a test failure.
            }
        }
    }

    private string LogPath => Path.Combine(_folder, "server.log");

    private string Tool(string name) => Path.Combine(_binaries, name);

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(_folder, "password");
        await File.WriteAllTextAsync(passwordFile, Password + "\n", cancellationToken).ConfigureAwait(false);
        if (ToolProcess.IsRoot)
        {
            await ToolProcess.RunCheckedAsync("chown", ["-R", "postgres:postgres", _folder], runAsPostgres: false, cancellationToken).ConfigureAwait(false);
        }

        await ToolProcess.RunCheckedAsync(Tool("initdb"), [
            "-D", DataFolder, "-U", User, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions",
        ], runAsPostgres: true, cancellationToken).ConfigureAwait(false);
        File.Delete(passwordFile);

        // Appended settings win over the defaults above them. Speed over durability: the cluster is thrown away.
        var settings = string.Create(CultureInfo.InvariantCulture, $"""

            listen_addresses = '{Host}'
            port = {Port}
            unix_socket_directories = '{_folder}'
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            max_connections = 200
            """);
        await File.AppendAllTextAsync(Path.Combine(DataFolder, "postgresql.conf"), settings, cancellationToken).ConfigureAwait(false);
    }

    private Task<string> PsqlAsync(string sql, CancellationToken cancellationToken) =>
        ToolProcess.RunCheckedAsync(Tool("psql"), [
            "-h", _folder, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, "-d", "postgres",
            "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql,
        ], runAsPostgres: true, cancellationToken);

    private string ReadLogTail()
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogPath).TakeLast(20));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
