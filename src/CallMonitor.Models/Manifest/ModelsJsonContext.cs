using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallMonitor.Models;

// Source-generated JSON for the manifest and the install receipt: works in trimmed/AOT builds, where
// reflection-based serialization is off. Unknown manifest fields are errors, so typos surface at load time.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ManifestDocument))]
[JsonSerializable(typeof(InstallReceipt))]
internal sealed partial class ModelsJsonContext : JsonSerializerContext;
