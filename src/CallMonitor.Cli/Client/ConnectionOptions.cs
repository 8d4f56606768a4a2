using System.CommandLine;

namespace CallMonitor.Cli.Client;

/// <summary>The <c>--server</c> and <c>--api-key</c> options the client commands share.</summary>
internal sealed class ConnectionOptions
{
    private readonly Option<string> _server = new("--server")
    {
        Description = "The CallMonitor service, e.g. http://127.0.0.1:5005 (http: HTTP/2 without TLS; https: TLS)",
        Required = true,
    };

    private readonly Option<string?> _apiKey = new("--api-key")
    {
        Description = $"API key sent as 'authorization: Bearer KEY' (default: the {ServerConnection.ApiKeyVariable} environment variable)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_server);
        command.Options.Add(_apiKey);
    }

    public ServerConnection Open(ParseResult parse) =>
        ServerConnection.Open(parse.GetValue(_server)!, ServerConnection.ResolveApiKey(parse.GetValue(_apiKey)));
}
