using CallMonitor.Models.Tests.Support;

namespace CallMonitor.Models.Tests.Store;

/// <summary>A temp models folder, a temp cache, an offline HTTP client and a store over the real manifest.</summary>
internal sealed class StoreFixture : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly HttpClient http;

    public StoreFixture(ModelManifest? manifest = null, bool withCache = true)
    {
        ModelsDir = Path.Combine(temp.Path, "models");
        CacheDir = withCache ? temp.Sub("cache") : null;
        Handler = new FailingHandler();
        http = new HttpClient(Handler);
        Store = new ModelStore(manifest ?? SharedModels.LoadRepositoryManifest(), ModelsDir, CacheDir, http);
    }

    public string ModelsDir { get; }

    public string? CacheDir { get; }

    public FailingHandler Handler { get; }

    public ModelStore Store { get; }

    public string Root => temp.Path;

    public string Installed(string name, string path) => Path.Combine(ModelsDir, name, path);

    public void Dispose()
    {
        Store.Dispose();
        http.Dispose();
        temp.Dispose();
    }

    public static void FlipByte(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var b = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(b ^ 0xFF));
    }
}
