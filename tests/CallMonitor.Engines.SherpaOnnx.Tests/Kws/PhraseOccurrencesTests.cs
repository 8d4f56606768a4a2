using CallMonitor.Domain.Calls;
using CallMonitor.TestKit.Calls;
using CallMonitor.TestKit.Phrases;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Kws;

/// <summary>Where phrases were said in a rendered call, checked against the placed units (needs shared/audio).</summary>
public sealed class PhraseOccurrencesTests
{
    private RenderedCall _call = null!;

    [OneTimeSetUp]
    public void Render() =>
        _call = new CallScript("phrase-occurrences").At(0.5).Agent("我 不 清楚").Pause(0.6).Customer("bu4 qing1 chu3").Render();

    private IReadOnlyList<UnitPlacement> AgentUnits => _call.Truth.Utterances.Single(u => u.Role == SpeakerRole.Agent).Units;

    [Test]
    public void Find_PhraseOnUnitEdges_FromFirstUnitStartToLastUnitEnd()
    {
        var rate = _call.Truth.SampleRate;

        var found = PhraseOccurrences.Find(_call.Truth, SpeakerRole.Agent, "不清楚");

        Assert.That(found, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(found[0].Start, Is.EqualTo(AgentUnits[1].Span.StartSeconds(rate)));
            Assert.That(found[0].End, Is.EqualTo(AgentUnits[2].Span.EndSeconds(rate)));
            Assert.That(found[0].Exact, Is.True);
        });
    }

    [Test]
    public void Find_PhraseEndingInsideAUnit_EstimatedInsideThatUnit()
    {
        var unit = AgentUnits[2].Span; // 清楚
        var rate = _call.Truth.SampleRate;

        var found = PhraseOccurrences.Find(_call.Truth, SpeakerRole.Agent, "不清");

        Assert.That(found, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(found[0].End, Is.GreaterThan(unit.StartSeconds(rate)).And.LessThan(unit.EndSeconds(rate)));
            Assert.That(found[0].Exact, Is.False);
        });
    }

    [Test]
    public void Find_CustomerPinyinSyllables_NeverMatchChinesePhrases()
    {
        Assert.That(PhraseOccurrences.Find(_call.Truth, SpeakerRole.Customer, "不清楚"), Is.Empty);
    }
}
