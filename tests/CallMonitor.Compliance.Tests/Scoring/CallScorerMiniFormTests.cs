using CallMonitor.Compliance.Rules;
using CallMonitor.Compliance.Scoring;

namespace CallMonitor.Compliance.Tests.Scoring;

/// <summary><see cref="CallScorer"/> on a small form written here, with a triggered bonus and fractional points.</summary>
public sealed class CallScorerMiniFormTests
{
    private const string Pack = """
        id: mini.pack
        version: 0.1.0
        locale: zh-CN
        rules:
          - id: rude
            type: forbidden_phrase
            severity: major
            role: agent
            source: {document: 000.txt, clause: 一}
            description: 忌语
            phrases: [不知道]
          - id: praise
            type: escalation_cue
            severity: info
            role: customer
            source: {document: 000.txt, clause: 二}
            description: 表扬
            phrases: [非常感谢你]
          - id: complaint
            type: escalation_cue
            severity: info
            role: customer
            source: {document: 000.txt, clause: 三}
            description: 投诉
            phrases: [投诉]
        scoring:
          source: {document: 000.txt, clause: 表}
          total: 10
          sections:
            - id: main
              name: 规范
              kind: score
              points: 10
              items:
                - id: manner
                  name: 态度
                  points: 4
                  automated: true
                  deductions:
                    - {rule: rude, points: 1.5, max: 3}
                - {id: skill, name: 技巧, points: 6, automated: false}
            - id: plus
              name: 加分
              kind: bonus
              points: 2
              items:
                - {id: praised, name: 表扬, points: 2, automated: true, triggers: [praise]}
            - id: minus
              name: 减分
              kind: penalty
              points: -3
              items:
                - {id: complained, name: 投诉, points: -3, automated: true, triggers: [complaint]}
        """;

    private static ScoringForm Form => RulePackLoader.Parse(Pack, "mini.yaml").Scoring!;

    [TestCase(0, 10)]
    [TestCase(1, 8.5)]
    [TestCase(2, 7)]
    [TestCase(5, 7)]
    public void Score_RudePhrases_HalfPointsDeductedUpToTheCap(int count, double expected)
    {
        // 10 - min(count * 1.5, 3): the item (4) never goes below 1 because the rule's cap is 3.
        var score = CallScorer.Score(Form, Violations.Many("rude", count));

        Assert.Multiple(() =>
        {
            Assert.That(score.Total, Is.EqualTo(expected));
            Assert.That(score.BasePoints, Is.EqualTo(expected));
        });
    }

    [Test]
    public void Score_PraiseAndComplaint_BonusAndPenaltyOnTopOfTheBase()
    {
        var violations = Violations.Many("praise", 2).Concat(Violations.Many("complaint", 1)).Concat(Violations.Many("rude", 1));

        var score = CallScorer.Score(Form, violations);

        Assert.Multiple(() =>
        {
            Assert.That(score.Bonus, Is.EqualTo(2));
            Assert.That(score.Penalty, Is.EqualTo(-3));
            Assert.That(score.BasePoints, Is.EqualTo(8.5));
            Assert.That(score.Total, Is.EqualTo(8.5 + 2 - 3));
            Assert.That(score.Sections.Select(s => s.Kind), Is.EqualTo(new[] { "score", "bonus", "penalty" }));
            Assert.That(score.Sections.Select(s => s.Points), Is.EqualTo(new[] { 8.5, 2, -3 }));
        });
    }

    [Test]
    public void Score_OnlyBonus_TotalMayExceedTheFormsBase()
    {
        var score = CallScorer.Score(Form, Violations.Many("praise", 1));

        Assert.Multiple(() =>
        {
            Assert.That(score.Total, Is.EqualTo(12));
            Assert.That(score.Max, Is.EqualTo(10));
        });
    }

    [Test]
    public void Score_ManualItem_KeptAtFullMarksAndNoted()
    {
        var score = CallScorer.Score(Form, Violations.Many("rude", 9));

        var skill = score.AllItems().Single(i => i.Id == "skill");
        Assert.Multiple(() =>
        {
            Assert.That(skill.Points, Is.EqualTo(6));
            Assert.That(skill.Automated, Is.False);
            Assert.That(skill.Note, Does.Contain("not judged automatically"));
            Assert.That(score.ManualPoints, Is.EqualTo(6));
        });
    }

    [Test]
    public void Score_NullViolations_Throws()
    {
        Assert.That(() => CallScorer.Score(Form, null!), Throws.ArgumentNullException);
    }
}
