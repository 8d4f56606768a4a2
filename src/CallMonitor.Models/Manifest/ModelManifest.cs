using System.Text.Json;

namespace CallMonitor.Models;

/// <summary>The list of models CallMonitor knows (models/manifest.json): names, official URLs, sizes and sha256.</summary>
public sealed record ModelManifest(int SchemaVersion, IReadOnlyList<ModelEntry> Models)
{
    /// <summary>The manifest's file name inside the repository's models/ folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The models a plain install fetches and doctor requires.</summary>
    public IEnumerable<ModelEntry> Defaults => Models.Where(m => m.IsDefault);

    /// <summary>Reads and validates a manifest file.</summary>
    /// <exception cref="ModelManifestException">The file is missing, unreadable, not JSON, or breaks a rule.</exception>
    public static ModelManifest Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelManifestException(path, $"cannot be read ({e.Message})", e);
        }

        return Parse(json, path);
    }

    /// <summary>Parses and validates manifest text; <paramref name="source"/> names it in error messages.</summary>
    public static ModelManifest Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ManifestDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(json, ModelsJsonContext.Default.ManifestDocument);
        }
        catch (JsonException e)
        {
            throw new ModelManifestException(source, $"is not valid manifest JSON: {e.Message}", e);
        }

        return ManifestValidator.Validate(doc ?? throw new ModelManifestException(source, "is empty (null)"), source);
    }

    /// <summary>&lt;repo&gt;/models/manifest.json, the repository found by <see cref="RepositoryRoot.Find()"/>.</summary>
    public static string DefaultPath() => Path.Combine(RepositoryRoot.Find(), "models", FileName);

    /// <summary>The entry named <paramref name="name"/>, or null.</summary>
    public ModelEntry? Find(string name) => Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    /// <summary>The entry named <paramref name="name"/>.</summary>
    /// <exception cref="UnknownModelException">The manifest does not list it.</exception>
    public ModelEntry Get(string name) => Find(name) ?? throw new UnknownModelException(name, Models.Select(m => m.Name));
}
