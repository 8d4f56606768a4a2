using System.CommandLine;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Server.Security;

namespace CallMonitor.Cli.Commands;

/// <summary>
/// <c>callmonitor keys new --role agent --agent 1001 --team sales-1</c>: a fresh API key, shown once, and the key file
/// entry holding its hash; <c>callmonitor keys hash KEY</c>: the hash of an existing key.
/// </summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = "agent, supervisor or admin", Required = true };
        role.AcceptOnlyFromAmong("agent", "supervisor", "admin");
        var agent = new Option<string?>("--agent") { Description = "The agent id the key streams calls for (role agent)" };
        var team = new Option<string[]>("--team")
        {
            Description = "The agent's team (role agent), or the supervisor's teams: repeat --team or separate with commas",
            Arity = ArgumentArity.OneOrMore,
        };
        var name = new Option<string?>("--name") { Description = "Label for logs (default: agent-<id>, supervisor-<first team> or admin)" };
        var create = new Command("new", "Make a new API key; prints the key once and the entry to add to the key file") { role, agent, team, name };
        create.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var teams = (parse.GetValue(team) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
                var identity = Identity(parse.GetValue(role)!, parse.GetValue(agent), teams, parse.GetValue(name));
                var key = ApiKeyMaterial.NewKey();
                var entry = ApiKeyFile.FormatEntry(identity, ApiKeyMaterial.HashHex(key));
                Check(entry);
                await Console.Out.WriteLineAsync(key).ConfigureAwait(false);
                await Console.Out.WriteLineAsync().ConfigureAwait(false);
                await Console.Out.WriteLineAsync("# Give the key above to its holder now: it is stored nowhere and cannot be shown again.").ConfigureAwait(false);
                await Console.Out.WriteLineAsync("# Clients send it as 'authorization: Bearer <key>'. Add this entry under 'keys:' in the key file:").ConfigureAwait(false);
                await Console.Out.WriteAsync(entry).ConfigureAwait(false);
                return ExitCodes.Ok;
            },
            ct));

        var keyArgument = new Argument<string?>("key") { Description = "The key; omit it or give '-' to read it from stdin (keeps it out of shell history)", Arity = ArgumentArity.ZeroOrOne };
        var hash = new Command("hash", "Print the sha256 of a key, as the key file stores it") { keyArgument };
        hash.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var key = parse.GetValue(keyArgument) is { } given && given != "-"
                    ? given
                    : (await Console.In.ReadLineAsync(token).ConfigureAwait(false))?.Trim();
                if (string.IsNullOrEmpty(key))
                {
                    throw new UsageException("no key given: pass it as an argument or on stdin");
                }

                await Console.Out.WriteLineAsync(ApiKeyMaterial.HashHex(key)).ConfigureAwait(false);
                return ExitCodes.Ok;
            },
            ct));

        return new Command("keys", "API keys for the live service: make a key, or hash one for the key file") { create, hash };
    }

    private static CallerIdentity Identity(string role, string? agent, List<string> teams, string? name)
    {
        switch (role)
        {
            case "agent":
                if (string.IsNullOrWhiteSpace(agent) || teams.Count != 1)
                {
                    throw new UsageException("an agent key needs --agent <id> and exactly one --team <team>");
                }

                return CallerIdentity.Agent(name ?? $"agent-{agent}", agent, teams[0]);
            case "supervisor":
                if (agent is not null || teams.Count == 0)
                {
                    throw new UsageException("a supervisor key needs one or more --team and no --agent");
                }

                return CallerIdentity.Supervisor(name ?? $"supervisor-{teams[0]}", teams);
            default:
                if (agent is not null || teams.Count > 0)
                {
                    throw new UsageException("an admin key sees every team and agent: drop --agent and --team");
                }

                return CallerIdentity.Admin(name ?? "admin");
        }
    }

    /// <summary>Reads the new entry back as the service will, so a name or team the file cannot hold fails here, not at start-up.</summary>
    private static void Check(string entry)
    {
        try
        {
            ApiKeyFile.Parse("keys:\n" + entry, "the new entry");
        }
        catch (ApiKeyFileException e)
        {
            throw new UsageException($"{e.Problem} (check --name, --agent and --team)", e);
        }
    }
}
