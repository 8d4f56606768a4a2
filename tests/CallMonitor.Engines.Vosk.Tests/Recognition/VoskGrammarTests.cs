using System.Text.Json;
using CallMonitor.Engines.Vosk.Recognition;

namespace CallMonitor.Engines.Vosk.Tests.Recognition;

public class VoskGrammarTests
{
    [Test]
    public void ToJson_ChinesePhrases_WritesUtf8ArrayEndingWithUnknown()
    {
        var json = VoskGrammar.ToJson(["您好", "请问 有 什么 \"可以\" 帮 您"]);

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("您好"), "Chinese stays readable UTF-8 (no \\u escapes)");
            Assert.That(JsonSerializer.Deserialize<string[]>(json), Is.EqualTo(new[] { "您好", "请问 有 什么 \"可以\" 帮 您", "[unk]" }));
        });
    }
}
