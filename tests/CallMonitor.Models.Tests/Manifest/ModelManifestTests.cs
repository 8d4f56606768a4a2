using System.Text.Json.Nodes;
using CallMonitor.Models.Tests.Support;

namespace CallMonitor.Models.Tests.Manifest;

[TestFixture]
public sealed class ModelManifestTests
{
    private static JsonObject ValidJson() => JsonNode.Parse("""
        { "schemaVersion": 1, "models": [ {
            "name": "m", "version": "1", "kind": "vad", "language": "any", "sampleRate": 16000, "license": "MIT",
            "default": true, "officialUrl": "https://example.org/m.onnx", "archive": null,
            "files": [ { "path": "m.onnx", "size": 3, "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                         "required": true, "url": "https://example.org/m.onnx" } ] } ] }
        """)!.AsObject();

    private static JsonObject FirstModel(JsonObject doc) => doc["models"]![0]!.AsObject();

    private static JsonObject FirstFile(JsonObject doc) => FirstModel(doc)["files"]![0]!.AsObject();

    [Test]
    public void Parse_ValidManifest_KeepsEveryField()
    {
        var manifest = ManifestEditor.Parse(ValidJson());

        var model = manifest.Get("m");
        Assert.Multiple(() =>
        {
            Assert.That(model.Kind, Is.EqualTo("vad"));
            Assert.That(model.SampleRate, Is.EqualTo(16000));
            Assert.That(model.IsDefault, Is.True);
            Assert.That(model.Archive, Is.Null);
            Assert.That(model.Files.Single().Size, Is.EqualTo(3));
            Assert.That(model.Files.Single().Url, Is.EqualTo(new Uri("https://example.org/m.onnx")));
            Assert.That(manifest.Defaults.Select(d => d.Name), Is.EqualTo(new[] { "m" }));
        });
    }

    [Test]
    public void Parse_DuplicateName_ThrowsNamingIt()
    {
        var doc = ValidJson();
        doc["models"]!.AsArray().Add(FirstModel(doc).DeepClone());

        Assert.That(() => ManifestEditor.Parse(doc), Throws.TypeOf<ModelManifestException>().With.Message.Contains("'m' appears twice"));
    }

    [TestCase("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [TestCase("ba7816bf")]
    [TestCase("not-a-hash-not-a-hash-not-a-hash-not-a-hash-not-a-hash-not-a-hash")]
    public void Parse_MalformedSha256_Throws(string sha)
    {
        var doc = ValidJson();
        FirstFile(doc)["sha256"] = sha;

        Assert.That(() => ManifestEditor.Parse(doc), Throws.TypeOf<ModelManifestException>().With.Message.Contains("64 lower-case hex digits"));
    }

    [TestCase("../escape.onnx")]
    [TestCase("/abs/m.onnx")]
    [TestCase("a//b")]
    [TestCase("dir\\m.onnx")]
    public void Parse_UnsafeFilePath_Throws(string path)
    {
        var doc = ValidJson();
        FirstFile(doc)["path"] = path;

        Assert.That(() => ManifestEditor.Parse(doc), Throws.TypeOf<ModelManifestException>().With.Message.Contains("relative path"));
    }

    [Test]
    public void Parse_UnknownProperty_ThrowsSoTyposAreCaught()
    {
        var doc = ValidJson();
        FirstModel(doc)["sampelRate"] = 8000;

        Assert.That(() => ManifestEditor.Parse(doc), Throws.TypeOf<ModelManifestException>().With.Message.Contains("sampelRate"));
    }

    [Test]
    public void Parse_FileWithoutUrlAndNoArchive_Throws()
    {
        var doc = ValidJson();
        FirstFile(doc).Remove("url");

        Assert.That(() => ManifestEditor.Parse(doc), Throws.TypeOf<ModelManifestException>().With.Message.Contains("has no url and the model has no archive"));
    }

    [Test]
    public void Parse_NoRequiredFile_Throws()
    {
        var doc = ValidJson();
        FirstFile(doc)["required"] = false;

        Assert.That(() => ManifestEditor.Parse(doc), Throws.TypeOf<ModelManifestException>().With.Message.Contains("no file is marked required"));
    }

    [Test]
    public void Parse_UnknownKind_Throws()
    {
        var doc = ValidJson();
        FirstModel(doc)["kind"] = "tts";

        Assert.That(() => ManifestEditor.Parse(doc), Throws.TypeOf<ModelManifestException>().With.Message.Contains("kind 'tts'"));
    }

    [Test]
    public void Parse_NewerSchemaVersion_Throws()
    {
        var doc = ValidJson();
        doc["schemaVersion"] = 2;

        Assert.That(() => ManifestEditor.Parse(doc), Throws.TypeOf<ModelManifestException>().With.Message.Contains("schemaVersion is 2"));
    }

    [Test]
    public void Parse_NotJson_ThrowsWithSource()
    {
        Assert.That(() => ModelManifest.Parse("{ nope", "broken.json"),
            Throws.TypeOf<ModelManifestException>().With.Message.StartsWith("model manifest broken.json: is not valid manifest JSON"));
    }

    [Test]
    public void Load_MissingFile_ThrowsWithPath()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "manifest.json");

        Assert.That(() => ModelManifest.Load(path), Throws.TypeOf<ModelManifestException>().With.Message.Contains(path));
    }

    [Test]
    public void Get_UnknownName_ThrowsListingKnownNames()
    {
        var manifest = ManifestEditor.Parse(ValidJson());

        Assert.That(() => manifest.Get("whisper"), Throws.TypeOf<UnknownModelException>().With.Message.Contains("the manifest lists: m"));
    }
}
