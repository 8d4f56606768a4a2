using System.Text.Json;
using CallMonitor.TestKit.Calls;
using CallMonitor.TestKit.Phrases;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Kws;

/// <summary>How phrases are said with voice-bank units, on a small manifest written here (no audio is read).</summary>
public sealed class PhraseVoicerTests
{
    private string _root = string.Empty;
    private PhraseVoicer _voicer = null!;

    [OneTimeSetUp]
    public void WriteManifest()
    {
        _root = Path.Combine(Path.GetTempPath(), $"phrase-voicer-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_root, "voicebank-cmn"));
        Directory.CreateDirectory(Path.Combine(_root, "real-cmn"));
        var units = new[] { "不", "清", "楚", "清楚", "您", "还", "有" }.ToDictionary(u => u, u => $"agent/{u}.flac");
        File.WriteAllText(
            Path.Combine(_root, "voicebank-cmn", "manifest.json"),
            JsonSerializer.Serialize(new Dictionary<string, object> { ["agent_units"] = units, ["customer_units"] = new Dictionary<string, string>() }));
        File.WriteAllText(Path.Combine(_root, "real-cmn", "transcripts.tsv"), "file\ttext\n");
        File.WriteAllText(Path.Combine(_root, "real-cmn", "words.tsv"), "file\ttext\nwords/w02_qingchu.wav\t清楚\n");
        _voicer = new PhraseVoicer(VoiceBank.Load(_root), RealWords.Load(_root));
    }

    [OneTimeTearDown]
    public void RemoveManifest() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Voicings_PhraseOfSeveralUnits_FewestUnitsFirst()
    {
        var voicings = _voicer.Voicings("不清楚");

        Assert.That(voicings.Select(v => v.AgentUnits), Is.EqualTo(new[] { new[] { "不", "清楚" } }));
    }

    [Test]
    public void Voicings_RealWordOfTheSameText_OfferedAfterTheVoiceBank()
    {
        var voicings = _voicer.Voicings("清楚");

        Assert.Multiple(() =>
        {
            Assert.That(voicings, Has.Count.EqualTo(2));
            Assert.That(voicings[0].AgentUnits, Is.EqualTo(new[] { "清楚" }));
            Assert.That(voicings[1].Recording?.Name, Is.EqualTo("w02_qingchu.wav"));
        });
    }

    [Test]
    public void MissingUnits_CharacterNoUnitHas_NamedAndNoVoicing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_voicer.Voicings("您还有吗"), Is.Empty);
            Assert.That(_voicer.MissingUnits("您还有吗"), Is.EqualTo("吗"));
            Assert.That(_voicer.MissingUnits("您还有"), Is.Null);
        });
    }
}
