using System.CommandLine;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Limits;

namespace CallMonitor.Cli.Commands;

/// <summary>
/// <c>callmonitor serve</c>: the live gRPC service (CallAnalysis, Supervision, Reports, Rules, health, reflection)
/// with its embedded storage, until Ctrl+C or SIGTERM.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Listen addresses, separated by ';' (http:// is HTTP/2 without TLS; https:// needs --cert)",
            DefaultValueFactory = _ => "http://127.0.0.1:5005",
        };
        var engines = new Option<string>("--engines") { Description = "auto (every installed engine), none, or a list such as vosk,kws", DefaultValueFactory = _ => "auto" };
        var data = new Option<string>("--data")
        {
            Description = "Folder of the embedded database (calls, reports, event log); env CALLMONITOR_DATA",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CALLMONITOR_DATA") is { Length: > 0 } folder ? folder : "callmonitor-data",
        };
        var keys = new Option<string?>("--keys") { Description = "API key file (YAML; see `callmonitor keys new`); without it every caller is an administrator" };
        var cert = new Option<string?>("--cert") { Description = "TLS certificate for https:// URLs: PFX, or PEM with --cert-key" };
        var certKey = new Option<string?>("--cert-key") { Description = "Private key (PEM) of a PEM certificate" };
        var certPassword = new Option<string?>("--cert-password") { Description = "Password of the PFX or encrypted PEM key; env CALLMONITOR_CERT_PASSWORD" };
        var noMask = new Option<bool>("--no-mask") { Description = "Store phone, ID-card and bank-card numbers as spoken (masked by default)" };
        var limits = new CallLimitOptions();
        var maxCalls = new Option<int>("--max-calls-per-key") { Description = "Call streams one API key (or, without --keys, one client address) may have open; 0: no limit", DefaultValueFactory = _ => limits.MaxCallsPerKey };
        var maxSubscriptions = new Option<int>("--max-subscriptions-per-key") { Description = "Supervisor subscriptions one key may have open; 0: no limit", DefaultValueFactory = _ => limits.MaxSubscriptionsPerKey };
        var idleTimeout = new Option<double>("--idle-timeout") { Description = "Seconds a call may send nothing before it is ended (partial report kept); 0: never", DefaultValueFactory = _ => limits.IdleTimeout.TotalSeconds };
        var maxSpeed = new Option<double>("--max-speed") { Description = "Seconds of call audio one key may send per second beyond real time for each of its open calls (uploads share it); faster clients are slowed, not refused; 0: no limit", DefaultValueFactory = _ => limits.MaxSpeed };
        var redis = new Option<string?>("--redis")
        {
            Description = "Multi-node: Redis server of the shared event stream (host:port[,password=…]); env CALLMONITOR_REDIS",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CALLMONITOR_REDIS") is { Length: > 0 } value ? value : null,
        };
        var sharedStore = new Option<string?>("--shared-store")
        {
            Description = "Multi-node: PostgreSQL connection string of the shared calls/reports store; env CALLMONITOR_SHARED_STORE",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CALLMONITOR_SHARED_STORE") is { Length: > 0 } value ? value : null,
        };
        var command = new Command("serve", "Run the live analysis service over gRPC")
        {
            urls, engines, data, keys, cert, certKey, certPassword, noMask, redis, sharedStore, maxCalls, maxSubscriptions, idleTimeout, maxSpeed,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var options = new ServerOptions
                {
                    Urls = parse.GetValue(urls)!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                    Engines = AnalyzeCommand.ParseEngines(parse.GetValue(engines)!),
                    DataDirectory = parse.GetValue(data)!,
                    ApiKeysPath = parse.GetValue(keys),
                    CertificatePath = parse.GetValue(cert),
                    CertificateKeyPath = parse.GetValue(certKey),
                    CertificatePassword = parse.GetValue(certPassword) ?? Environment.GetEnvironmentVariable("CALLMONITOR_CERT_PASSWORD"),
                    MaskSensitiveNumbers = !parse.GetValue(noMask),
                    Limits = limits with
                    {
                        MaxCallsPerKey = (int)NotNegative(maxCalls.Name, parse.GetValue(maxCalls), int.MaxValue),
                        MaxSubscriptionsPerKey = (int)NotNegative(maxSubscriptions.Name, parse.GetValue(maxSubscriptions), int.MaxValue),
                        // A call lasts at most a day (CallEventMapping.MaxCallSeconds); a longer timeout would only overflow the timer.
                        IdleTimeout = TimeSpan.FromSeconds(NotNegative(idleTimeout.Name, parse.GetValue(idleTimeout), TimeSpan.FromDays(1).TotalSeconds)),
                        MaxSpeed = NotNegative(maxSpeed.Name, parse.GetValue(maxSpeed), double.MaxValue),
                    },
                    Redis = parse.GetValue(redis),
                    SharedStore = parse.GetValue(sharedStore),
                };
                await ServerHost.RunAsync(options, token).ConfigureAwait(false);
                return 0;
            },
            ct));
        return command;
    }

    /// <exception cref="UsageException">Negative, not a number, or above <paramref name="most"/>.</exception>
    private static double NotNegative(string option, double value, double most) =>
        double.IsFinite(value) && value >= 0 && value <= most
            ? value
            : throw new UsageException(value > most && double.IsFinite(value)
                ? $"{option} is at most {most} (0: no limit), not {value}"
                : $"{option} must be a number of 0 or more (0: no limit), not {value}");
}
