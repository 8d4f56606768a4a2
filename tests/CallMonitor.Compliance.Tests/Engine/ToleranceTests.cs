using static CallMonitor.Compliance.Tests.Engine.Calls;

namespace CallMonitor.Compliance.Tests.Engine;

/// <summary>The rule's tolerance decides whether a misheard phrase still fires (small inline packs).</summary>
public sealed class ToleranceTests
{
    private static string Pack(string tolerance) => $$"""
        id: test.tolerance
        version: 0.1.0
        locale: zh-CN
        rules:
          - id: forbidden.test
            type: forbidden_phrase
            severity: major
            role: agent
            source: [{document: test.txt, clause: "1"}]
            description: test
            tolerance: {{tolerance}}
            phrases: [不清楚, 这不关我的事]
        """;

    [TestCase("none", "我不青楚", 0)]
    [TestCase("homophone", "我不青楚", 1)]
    [TestCase("homophone", "这不关我的四", 0)]
    [TestCase("near", "这不关我的四", 1)]
    [TestCase("none", "我不清楚", 1)]
    public void Accept_MisheardPhrase_FiresPerTolerance(string tolerance, string text, int expected)
    {
        var emitted = Run(Inline(Pack(tolerance)), 10, null, Agent(0, 3, text));

        Assert.That(OfType(emitted, "forbidden_phrase"), Has.Count.EqualTo(expected));
    }

    [Test]
    public void Engine_PackWithOnlyForbiddenRules_ReportsNothingUnevaluated()
    {
        Assert.That(Inline(Pack("none")).UnevaluatedRules, Is.Empty);
    }
}
