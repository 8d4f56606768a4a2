using CallMonitor.Domain.Errors;
using CallMonitor.Engines.Vosk.Native;

namespace CallMonitor.Engines.Vosk.Model;

/// <summary>
/// Finds and checks a Vosk model folder before it reaches <c>vosk_model_new</c>, so a wrong path gets a message a
/// person can act on instead of the library's NULL. A model folder holds <c>am/final.mdl</c>, <c>conf/mfcc.conf</c>
/// and a decoding graph (<c>graph/HCLG.fst</c>, or <c>graph/HCLr.fst</c> with <c>graph/Gr.fst</c>); older models keep
/// the same files at the top level.
/// </summary>
public static class VoskModelDirectory
{
    /// <summary>Environment variable naming the unpacked model folder.</summary>
    public const string ModelVariable = "CALLMONITOR_VOSK_MODEL";

    /// <summary>Environment variable naming the model store (default &lt;repo&gt;/models).</summary>
    public const string ModelsDirVariable = "CALLMONITOR_MODELS_DIR";

    /// <summary>The model store's name for the default Mandarin model.</summary>
    public const string DefaultModelName = "vosk-model-small-cn-0.22";

    private const string InstallHint =
        "install it with `./callmonitor models install " + DefaultModelName + "` (without internet, put the zip in "
        + "$CALLMONITOR_MODEL_CACHE first) or set " + ModelVariable + " to an unpacked Vosk model folder";

    /// <summary>
    /// $CALLMONITOR_VOSK_MODEL; else $CALLMONITOR_MODELS_DIR/vosk-model-small-cn-0.22; else the first
    /// models/vosk-model-small-cn-0.22 found walking up from <paramref name="baseDirectory"/>, else where the
    /// repository's model store would put it. The folder may not exist: <see cref="Check"/> says so.
    /// </summary>
    public static string DefaultPath(string? baseDirectory = null)
    {
        var fromVariable = Environment.GetEnvironmentVariable(ModelVariable);
        if (!string.IsNullOrWhiteSpace(fromVariable))
        {
            return Path.GetFullPath(fromVariable);
        }

        var modelsDir = Environment.GetEnvironmentVariable(ModelsDirVariable);
        if (!string.IsNullOrWhiteSpace(modelsDir))
        {
            return Path.GetFullPath(Path.Combine(modelsDir, DefaultModelName));
        }

        var start = new DirectoryInfo(baseDirectory ?? AppContext.BaseDirectory);
        string? repoGuess = null;
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models", DefaultModelName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            if (repoGuess is null && File.Exists(Path.Combine(dir.FullName, "CallMonitor.sln")))
            {
                repoGuess = candidate;
            }
        }

        return repoGuess ?? Path.Combine(start.FullName, "models", DefaultModelName);
    }

    /// <summary>The required files missing from <paramref name="path"/>, as relative paths; empty when it looks like a model.</summary>
    public static IReadOnlyList<string> MissingFiles(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var flat = File.Exists(Path.Combine(path, "final.mdl"));
        var prefix = flat ? (am: string.Empty, conf: string.Empty, graph: string.Empty) : (am: "am", conf: "conf", graph: "graph");
        var missing = new List<string>();
        AddIfMissing(missing, path, Path.Combine(prefix.am, "final.mdl"));
        AddIfMissing(missing, path, Path.Combine(prefix.conf, "mfcc.conf"));
        var hclg = Path.Combine(prefix.graph, "HCLG.fst");
        var hclr = Path.Combine(prefix.graph, "HCLr.fst");
        var gr = Path.Combine(prefix.graph, "Gr.fst");
        if (!File.Exists(Path.Combine(path, hclg)) && !(File.Exists(Path.Combine(path, hclr)) && File.Exists(Path.Combine(path, gr))))
        {
            missing.Add($"{hclg} (or {hclr} with {gr})");
        }

        return missing;
    }

    /// <summary>Checks that <paramref name="path"/> is a Vosk model folder.</summary>
    /// <exception cref="EngineUnavailableException">The folder is missing or lacks model files; the message says what to do.</exception>
    public static void Check(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            throw new EngineUnavailableException(VoskLibrary.EngineName, $"model folder {full} does not exist; {InstallHint}");
        }

        var missing = MissingFiles(full);
        if (missing.Count > 0)
        {
            throw new EngineUnavailableException(
                VoskLibrary.EngineName,
                $"{full} is not a Vosk model folder (missing {string.Join(", ", missing)}); point {ModelVariable} at the "
                + $"unpacked folder that holds am/, conf/ and graph/, or {InstallHint}");
        }
    }

    private static void AddIfMissing(List<string> missing, string root, string relative)
    {
        if (!File.Exists(Path.Combine(root, relative)))
        {
            missing.Add(relative);
        }
    }
}
