using System.Text.Json.Nodes;

namespace CallMonitor.Models.Tests.Support;

/// <summary>Edits manifest JSON as a tree, so tests start from the real manifest and change only what they test.</summary>
internal static class ManifestEditor
{
    public static JsonObject LoadRepositoryJson() =>
        JsonNode.Parse(File.ReadAllText(SharedModels.RepositoryManifestPath()))!.AsObject();

    public static JsonObject Model(JsonObject manifest, string name) =>
        manifest["models"]!.AsArray().Select(m => m!.AsObject()).Single(m => (string?)m["name"] == name);

    public static ModelManifest Parse(JsonObject manifest) => ModelManifest.Parse(manifest.ToJsonString(), "test manifest");
}
