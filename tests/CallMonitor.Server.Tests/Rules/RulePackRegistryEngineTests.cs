using CallMonitor.Compliance.Engine;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Errors;
using CallMonitor.Engines.SherpaOnnx.Kws;
using CallMonitor.Engines.Vosk;
using CallMonitor.Hosting.Engines;
using CallMonitor.Server.Rules;
using CallMonitor.Speech.Engines;

namespace CallMonitor.Server.Tests.Rules;

/// <summary>
/// The registry with real engines: the keyword spotter is opened per pack and closed with its last call; Vosk (when
/// installed) is opened once and shared by every pack.
/// </summary>
[Category("RequiresModel")]
public sealed class RulePackRegistryEngineTests
{
    private const string NewPhrase = "这个不归我们部门";

    [Test]
    [CancelAfter(120_000)]
    public async Task PublishAsync_WithKeywordSpotter_NewSpotterListensForTheNewPackAndOldOneClosesWithItsLastCall(CancellationToken token)
    {
        var (speech, registry) = await OpenOrIgnoreAsync([KeywordSpotterEngine.EngineName], token);
        using var ownedSpeech = speech;
        using var ownedRegistry = registry;
        var call = registry.Acquire();
        var oldSpotter = Spotter(call.Generation.SpeechEngines);

        await registry.PublishAsync(new RulePackSubmission(TestPacks.Valid("2.0.0", NewPhrase)), "admin", token);
        using var next = registry.Acquire();
        var newSpotter = Spotter(next.Generation.SpeechEngines);
        Assert.Multiple(() =>
        {
            Assert.That(newSpotter, Is.Not.SameAs(oldSpotter));
            Assert.That(newSpotter.Settings.Keywords.Select(k => k.Phrase), Does.Contain(NewPhrase));
            Assert.That(oldSpotter.Settings.Keywords.Select(k => k.Phrase), Does.Not.Contain(NewPhrase));
            Assert.That(() => oldSpotter.CreateRecognizer("call-in-progress", SpeakerRole.Agent).Dispose(), Throws.Nothing,
                "the call that started before the publish still gets recognizers from its spotter");
        });

        call.Dispose();
        Assert.Multiple(() =>
        {
            Assert.That(() => oldSpotter.CreateRecognizer("late", SpeakerRole.Agent), Throws.TypeOf<ObjectDisposedException>(),
                "the old spotter is closed once its last call ended");
            Assert.That(() => newSpotter.CreateRecognizer("new-call", SpeakerRole.Agent).Dispose(), Throws.Nothing);
        });
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task PublishAsync_WithVosk_VoskIsSharedNotReopened(CancellationToken token)
    {
        var (speech, registry) = await OpenOrIgnoreAsync([VoskEngine.EngineName, KeywordSpotterEngine.EngineName], token);
        using var ownedSpeech = speech;
        using var ownedRegistry = registry;
        var oldGeneration = registry.Current;
        var vosk = oldGeneration.SpeechEngines.Single(e => e.Name == VoskEngine.EngineName);

        await registry.PublishAsync(new RulePackSubmission(TestPacks.Valid("2.0.0", NewPhrase)), "admin", token);
        using var next = registry.Acquire();
        Assert.Multiple(() =>
        {
            Assert.That(oldGeneration.IsReleased, Is.True);
            Assert.That(next.Generation.SpeechEngines.Single(e => e.Name == VoskEngine.EngineName), Is.SameAs(vosk));
            Assert.That(() => vosk.CreateRecognizer("after-publish", SpeakerRole.Agent).Dispose(), Throws.Nothing,
                "releasing the old pack does not close the shared recognizer");
        });
    }

    /// <summary>Engines opened as required (so a missing model is not silently skipped by the registry), or the test ignored.</summary>
    private static async Task<(SpeechEngineSet Speech, RulePackRegistry Registry)> OpenOrIgnoreAsync(IReadOnlyList<string> names, CancellationToken token)
    {
        SpeechEngineSet? speech = null;
        try
        {
            speech = SpeechEngineSet.Open(names, required: true);
            var registry = await RulePackRegistry.OpenAsync(speech, ComplianceEngineOptions.None, null, new RecordingLogger<RulePackRegistry>(), token);
            return (speech, registry);
        }
        catch (EngineUnavailableException e)
        {
            speech?.Dispose();
            Assert.Ignore($"needs the {string.Join(" and ", names)} engines: {e.Message}");
            throw;
        }
    }

    private static KeywordSpotterEngine Spotter(IReadOnlyList<ISpeechEngine> engines) =>
        engines.OfType<KeywordSpotterEngine>().Single();
}
