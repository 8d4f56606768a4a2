namespace CallMonitor.Models;

/// <summary>Environment variables that move CallMonitor's folders, and the defaults they override.</summary>
public static class ModelEnvironment
{
    /// <summary>The repository root (otherwise found by walking up to CallMonitor.sln).</summary>
    public const string HomeVariable = "CALLMONITOR_HOME";

    /// <summary>Where models are installed (default &lt;repo&gt;/models).</summary>
    public const string ModelsDirVariable = "CALLMONITOR_MODELS_DIR";

    /// <summary>A local folder searched before any download: &lt;cache&gt;/&lt;name&gt;/ or the archive file.</summary>
    public const string CacheVariable = "CALLMONITOR_MODEL_CACHE";

    /// <summary>$CALLMONITOR_MODELS_DIR, else &lt;repo&gt;/models.</summary>
    public static string DefaultModelsDir() =>
        NonEmpty(Environment.GetEnvironmentVariable(ModelsDirVariable)) is { } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(RepositoryRoot.Find(), "models");

    /// <summary>$CALLMONITOR_MODEL_CACHE, or null when it is not set.</summary>
    public static string? DefaultCacheDir() =>
        NonEmpty(Environment.GetEnvironmentVariable(CacheVariable)) is { } dir ? Path.GetFullPath(dir) : null;

    /// <summary>&lt;repo&gt;/.native, where scripts/install-native.sh puts the native engine libraries.</summary>
    public static string DefaultNativeDir() => Path.Combine(RepositoryRoot.Find(), ".native");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
