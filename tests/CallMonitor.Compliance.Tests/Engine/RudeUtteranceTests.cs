using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Rules;
using static CallMonitor.Compliance.Tests.Engine.Calls;

namespace CallMonitor.Compliance.Tests.Engine;

/// <summary>rude_utterance with the default pack (minProbability 0.8) and a scripted classifier.</summary>
public sealed class RudeUtteranceTests
{
    private const string Rude = "rude_utterance";
    private const string Paraphrase = "规定就是这样没什么好解释的";

    private static ComplianceEngine With(IUtteranceClassifier classifier, double? threshold = null) =>
        new(RulePack.Default, new ComplianceEngineOptions(classifier, threshold));

    [TestCase(0.81, true)]
    [TestCase(0.79, false)]
    public void Accept_AgentUtterance_ViolationOnlyFromPackThreshold(double probability, bool flagged)
    {
        var engine = With(new ScriptedClassifier((Paraphrase, probability)));

        var rude = OfType(Run(engine, 60, null, Agent(5, 8, Paraphrase)), Rude);

        Assert.That(rude, Has.Count.EqualTo(flagged ? 1 : 0));
    }

    [Test]
    public void Accept_RudeUtterance_ClassifierSourcedWithProbabilityAsConfidence()
    {
        var engine = With(new ScriptedClassifier((Paraphrase, 0.93)));

        var v = OfType(Run(engine, 60, null, Agent(5, 8, Paraphrase)), Rude).Single();
        Assert.Multiple(() =>
        {
            Assert.That(v.Sources, Is.EqualTo(new[] { "classifier" }));
            Assert.That(v.Confidence, Is.EqualTo(0.93).Within(1e-9));
            Assert.That(v.Span, Is.EqualTo(At(5, 8)));
            Assert.That(v.Evidence, Does.Contain(Paraphrase));
            Assert.That(v.RuleId, Is.EqualTo("manner.rude_classifier"));
        });
    }

    [TestCase(0.9, 0.85, false)]
    [TestCase(0.5, 0.6, true)]
    public void Accept_EngineThreshold_OverridesPack(double threshold, double probability, bool flagged)
    {
        var engine = With(new ScriptedClassifier((Paraphrase, probability)), threshold);

        Assert.That(OfType(Run(engine, 60, null, Agent(5, 8, Paraphrase)), Rude), Has.Count.EqualTo(flagged ? 1 : 0));
    }

    [Test]
    public void Accept_CustomerUtterance_NotScored()
    {
        var classifier = new ScriptedClassifier((Paraphrase, 0.99));

        var emitted = Run(With(classifier), 60, null, Customer(5, 8, Paraphrase));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(emitted, Rude), Is.Empty);
            Assert.That(classifier.Asked, Is.Empty);
        });
    }

    [Test]
    public void Accept_UtteranceAlreadyForbiddenPhrase_NotReportedTwice()
    {
        const string shirking = "这个我不清楚";
        var engine = With(new ScriptedClassifier((shirking, 0.95), (Paraphrase, 0.95)));

        var emitted = Run(engine, 60, null, Agent(0, 3, shirking), Agent(5, 8, Paraphrase));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(emitted, "forbidden_phrase").Single().Span.Start.TotalSeconds, Is.LessThan(3));
            Assert.That(OfType(emitted, Rude).Single().Span, Is.EqualTo(At(5, 8)));
        });
    }

    [Test]
    public void UnevaluatedRules_WithoutClassifier_ListsRudeRule_WithOneNot()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Default.UnevaluatedRules.Select(r => r.TypeName), Is.EqualTo(new[] { Rude }));
            Assert.That(With(new ScriptedClassifier()).UnevaluatedRules, Is.Empty);
        });
    }

    [TestCase(1.5)]
    [TestCase(-0.1)]
    [TestCase(double.NaN)]
    public void Constructor_ThresholdNotAProbability_Throws(double threshold)
    {
        Assert.That(() => With(new ScriptedClassifier(), threshold), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Accept_ClassifierReturnsNoProbability_ThrowsNamingClassifier()
    {
        var engine = With(new ScriptedClassifier() { Otherwise = double.NaN });

        Assert.That(() => Run(engine, 60, null, Agent(0, 3, Paraphrase)), Throws.InvalidOperationException.With.Message.Contains("scripted"));
    }
}
