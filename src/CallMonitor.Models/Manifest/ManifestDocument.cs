using System.Text.Json.Serialization;

namespace CallMonitor.Models;

// The manifest exactly as JSON holds it: everything nullable, checked by ManifestValidator before it becomes
// the public records. Property names map to camelCase through the serializer options.
internal sealed class ManifestDocument
{
    public int? SchemaVersion { get; set; }

    public List<ModelDocument?>? Models { get; set; }
}

internal sealed class ModelDocument
{
    public string? Name { get; set; }

    public string? Version { get; set; }

    public string? Kind { get; set; }

    public string? Language { get; set; }

    public int? SampleRate { get; set; }

    public string? License { get; set; }

    [JsonPropertyName("default")]
    public bool? IsDefault { get; set; }

    public string? OfficialUrl { get; set; }

    public ArchiveDocument? Archive { get; set; }

    public List<FileDocument?>? Files { get; set; }

    public string? Notes { get; set; }
}

internal sealed class ArchiveDocument
{
    public string? Format { get; set; }

    public string? Url { get; set; }

    public string? Sha256 { get; set; }

    public long? Size { get; set; }

    public string? RootFolder { get; set; }

    public bool? IncludeUnlisted { get; set; }
}

internal sealed class FileDocument
{
    public string? Path { get; set; }

    public long? Size { get; set; }

    public string? Sha256 { get; set; }

    public bool? Required { get; set; }

    public string? Url { get; set; }
}
