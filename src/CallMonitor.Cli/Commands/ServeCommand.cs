using System.CommandLine;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Server.Hosting;

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
        var command = new Command("serve", "Run the live analysis service over gRPC") { urls, engines, data, keys, cert, certKey, certPassword, noMask };
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
                };
                await ServerHost.RunAsync(options, token).ConfigureAwait(false);
                return 0;
            },
            ct));
        return command;
    }
}
