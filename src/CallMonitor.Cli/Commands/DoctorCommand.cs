using System.CommandLine;
using System.Diagnostics;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Engines.SherpaOnnx.Native;
using CallMonitor.Engines.Vosk.Native;
using CallMonitor.Models;

namespace CallMonitor.Cli.Commands;

/// <summary>
/// <c>callmonitor doctor</c>: for every engine and model, whether it is installed, where, which version, and
/// whether its checksums hold; with the command that fixes what is missing.
/// </summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Check the engines and models: installed, path, version, checksum");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(token => Task.FromResult(Run()), ct));
        return command;
    }

    private static int Run()
    {
        var root = RepositoryRoot.Find();
        var o = Console.Out;
        o.WriteLine("Engines");
        foreach (var lib in NativeLibraryChecker.CreateDefault().GetAll())
        {
            var state = lib.State.ToString().ToLowerInvariant();
            var version = lib.Version is null ? "-" : $"{lib.Package}@{lib.Version}";
            var detail = lib.Detail;
            if (lib.IsUsable && Loader(lib.Library) is { } load)
            {
                if (load.TryLoad(out var error))
                {
                    state = "loaded";
                    version = load.Version();
                }
                else
                {
                    state = "load failed";
                    detail = error;
                }
            }

            Item(lib.Library, state, version, lib.Directory, detail, lib.InstallHint);
        }

        var ffmpeg = Tool("ffmpeg");
        Item("ffmpeg", ffmpeg is null ? "missing" : "installed", ffmpeg ?? "-", "PATH", "decodes mp3/amr/ogg/m4a/flac input", ffmpeg is null ? "apt-get install ffmpeg" : null);

        o.WriteLine();
        o.WriteLine("Models");
        using var store = ModelStore.CreateDefault();
        foreach (var m in store.GetAll())
        {
            Item(
                $"{m.Name} ({m.Kind})",
                m.State.ToString().ToLowerInvariant(),
                m.Version,
                m.Path ?? "-",
                $"checksum {m.Checksum.ToString().ToLowerInvariant()}; {m.Detail}",
                m.InstallHint);
        }

        o.WriteLine();
        o.WriteLine($"repository {root}");
        o.WriteLine($"models in   {store.ModelsDir}");
        o.WriteLine($"model cache {store.CacheDir ?? "(CALLMONITOR_MODEL_CACHE not set)"}");
        return ExitCodes.Ok;
    }

    /// <summary>How to load a native library for real and ask its version, for the libraries that can say.</summary>
    private static (TryLoadLibrary TryLoad, Func<string> Version)? Loader(string library) => library switch
    {
        SherpaOnnxLibrary.EngineName => (SherpaOnnxLibrary.TryLoad, () => SherpaOnnxLibrary.Version.ToString()),
        VoskLibrary.EngineName => (VoskLibrary.TryLoad, () => $"vosk {VoskLibrary.Version}"),
        _ => null,
    };

    private delegate bool TryLoadLibrary(out string? error);

    private static void Item(string name, string state, string version, string path, string? detail, string? fix)
    {
        var mark = state is "loaded" or "installed" ? "ok " : "-- ";
        Console.Out.WriteLine($"  {mark}{name}: {state}");
        Console.Out.WriteLine($"       version  {version}");
        Console.Out.WriteLine($"       path     {path}");
        if (!string.IsNullOrEmpty(detail))
        {
            Console.Out.WriteLine($"       detail   {detail}");
        }

        if (!string.IsNullOrEmpty(fix))
        {
            Console.Out.WriteLine($"       fix      {fix}");
        }
    }

    /// <summary>First line of <c>TOOL -version</c>, or null when the tool is not on PATH.</summary>
    private static string? Tool(string name)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(name, "-version") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return null;
            }

            var first = process.StandardOutput.ReadLine();
            process.WaitForExit(5000);
            return first;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
