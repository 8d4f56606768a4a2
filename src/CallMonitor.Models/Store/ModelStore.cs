namespace CallMonitor.Models;

/// <summary>
/// The installed models: their status (what doctor prints) and their installation from the local cache
/// ($CALLMONITOR_MODEL_CACHE) or the official URL, every file checked against the manifest's sha256.
/// </summary>
public sealed class ModelStore : IDisposable
{
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient? ownedHttp;
    private readonly ModelInstaller installer;

    /// <param name="manifest">The models this store knows.</param>
    /// <param name="modelsDir">Where models are installed, one folder per model name.</param>
    /// <param name="cacheDir">A local folder searched before any download, or null.</param>
    /// <param name="http">Client for downloads; null creates one (15 s connect timeout) that the store disposes.</param>
    /// <param name="time">Clock for install receipts and the download stall timeout; null is the system clock.</param>
    public ModelStore(ModelManifest manifest, string modelsDir, string? cacheDir, HttpClient? http = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrEmpty(modelsDir);
        Manifest = manifest;
        ModelsDir = Path.GetFullPath(modelsDir);
        CacheDir = string.IsNullOrWhiteSpace(cacheDir) ? null : Path.GetFullPath(cacheDir);
        if (http is null)
        {
            ownedHttp = Downloader.CreateDefaultClient();
            http = ownedHttp;
        }

        var clock = time ?? TimeProvider.System;
        installer = new ModelInstaller(ModelsDir, CacheDir, new Downloader(http, clock, StallTimeout), clock);
    }

    public ModelManifest Manifest { get; }

    public string ModelsDir { get; }

    public string? CacheDir { get; }

    /// <summary>
    /// The store doctor and the CLI use: models/manifest.json of the repository, $CALLMONITOR_MODELS_DIR
    /// (default &lt;repo&gt;/models) and $CALLMONITOR_MODEL_CACHE.
    /// </summary>
    public static ModelStore CreateDefault(HttpClient? http = null, TimeProvider? time = null) =>
        new(ModelManifest.Load(ModelManifest.DefaultPath()), ModelEnvironment.DefaultModelsDir(), ModelEnvironment.DefaultCacheDir(), http, time);

    /// <summary>The folder a model is (or would be) installed in.</summary>
    public string GetModelDir(string name) => Path.Combine(ModelsDir, Manifest.Get(name).Name);

    /// <summary>Checks one installed model, hashing every file that has a sha256 in the manifest.</summary>
    /// <exception cref="UnknownModelException">The manifest does not list <paramref name="name"/>.</exception>
    public ModelStatus GetStatus(string name)
    {
        var entry = Manifest.Get(name);
        return ModelInspector.Inspect(entry, Path.Combine(ModelsDir, entry.Name), CacheDir);
    }

    /// <summary>The status of every model in the manifest, in manifest order.</summary>
    public IReadOnlyList<ModelStatus> GetAll() => Manifest.Models.Select(m => GetStatus(m.Name)).ToList();

    /// <summary>The model folder when the model is usable (installed, no file fails its check), else null.</summary>
    public string? TryGetPath(string name) => GetStatus(name) is { IsUsable: true, Path: { } path } ? path : null;

    /// <summary>
    /// Installs a model unless it is already installed and intact: from $CALLMONITOR_MODEL_CACHE/&lt;name&gt;/, the
    /// archive in the cache, or the official URL, verifying sizes and sha256. Damaged or missing files are healed.
    /// </summary>
    /// <exception cref="ModelInstallException">No source could provide it; the message lists each source's answer and how to install it.</exception>
    public Task<ModelStatus> InstallAsync(string name, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        installer.InstallAsync(Manifest.Get(name), progress, cancellationToken);

    public void Dispose() => ownedHttp?.Dispose();
}
