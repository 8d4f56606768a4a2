using System.CommandLine;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Models;

namespace CallMonitor.Cli.Commands;

/// <summary><c>callmonitor models install|list</c>: the model installer (cache folder first, then the official URL).</summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var names = new Argument<string[]>("names") { Description = "Models to install (default: the default models)", Arity = ArgumentArity.ZeroOrMore };
        var install = new Command("install", "Install models from $CALLMONITOR_MODEL_CACHE or their official URL, checking every sha256") { names };
        install.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                using var store = ModelStore.CreateDefault();
                var wanted = parse.GetValue(names) is { Length: > 0 } given ? given : store.Manifest.Defaults.Select(m => m.Name).ToArray();
                var failed = 0;
                foreach (var name in wanted)
                {
                    try
                    {
                        var progress = new Progress<string>(line => Console.Error.WriteLine($"[models] {name}: {line}"));
                        await store.InstallAsync(name, progress, token).ConfigureAwait(false);
                    }
                    catch (ModelException e)
                    {
                        failed++;
                        await Console.Error.WriteLineAsync($"[models] {name}: FAILED: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
                    }
                }

                return failed == 0 ? ExitCodes.Ok : ExitCodes.EngineUnavailable;
            },
            ct));

        var list = new Command("list", "List the models of the manifest and their state");
        list.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                using var store = ModelStore.CreateDefault();
                foreach (var status in store.GetAll())
                {
                    await Console.Out.WriteLineAsync($"{status.Name,-62} {Describe(status)}").ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            },
            ct));

        return new Command("models", "Install and list models (see models/manifest.json)") { install, list };
    }

    internal static string Describe(ModelStatus status) =>
        $"{status.State.ToString().ToLowerInvariant()}, checksum {status.Checksum.ToString().ToLowerInvariant()}"
        + (status.Path is null ? string.Empty : $", {status.Path}");
}
