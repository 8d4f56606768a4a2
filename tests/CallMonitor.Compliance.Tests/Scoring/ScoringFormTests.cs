using CallMonitor.Compliance.Rules;
using CallMonitor.Compliance.Scoring;

namespace CallMonitor.Compliance.Tests.Scoring;

/// <summary>The default pack's scoring form against the seed's 服务质量评估表.</summary>
public sealed class ScoringFormTests
{
    private static ScoringForm Form => RulePack.Default.Scoring!;

    [TestCase("服务规范", ScoringSectionKind.Score, 40)]
    [TestCase("专业能力", ScoringSectionKind.Score, 50)]
    [TestCase("服务技巧", ScoringSectionKind.Score, 10)]
    [TestCase("加分项", ScoringSectionKind.Bonus, 10)]
    [TestCase("减分项", ScoringSectionKind.Penalty, -10)]
    public void Section_FromTheSeedForm_HasItsPoints(string name, ScoringSectionKind kind, double points)
    {
        var seed = Packs.SeedDocuments.Read("000_7a2e9ff7c9a0bf2e.txt");
        var section = Form.Sections.Single(s => s.Name == name);

        Assert.Multiple(() =>
        {
            Assert.That(seed, Does.Contain(name), "the seed form has the section");
            Assert.That(section.Kind, Is.EqualTo(kind));
            Assert.That(section.Points, Is.EqualTo(points));
            Assert.That(section.Items.Sum(i => i.Points), Is.EqualTo(points));
        });
    }

    [Test]
    public void ServiceStandard_IsAttitude15PlusVoice25()
    {
        var items = Form.Sections.Single(s => s.Name == "服务规范").Items;

        Assert.That(items.Select(i => (i.Name, i.Points)), Is.EqualTo(new[] { ("服务态度", 15.0), ("语音", 25.0) }));
    }

    [Test]
    public void Total_IsHundredFromTheScoreSections()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Form.Total, Is.EqualTo(100));
            Assert.That(Form.Sections.Where(s => s.Kind == ScoringSectionKind.Score).Sum(s => s.Points), Is.EqualTo(Form.Total));
        });
    }

    [Test]
    public void ProfessionalAndSkillItems_AreLeftForTheSupervisor()
    {
        var manual = Form.Sections.Where(s => s.Name is "专业能力" or "服务技巧").SelectMany(s => s.Items);

        Assert.Multiple(() =>
        {
            Assert.That(manual.Select(i => i.Automated), Is.All.False);
            Assert.That(manual.SelectMany(i => i.Deductions), Is.Empty);
            Assert.That(Form.ManualPoints(ScoringSectionKind.Score), Is.EqualTo(60));
        });
    }

    [Test]
    public void EveryAgentViolationRule_DeductsFromSomeItem()
    {
        var deducting = Form.Items.SelectMany(i => i.Deductions).Select(d => d.RuleId).ToHashSet();
        var agentRules = RulePack.Default.Rules.Where(r => r.Severity != RuleSeverity.Info).Select(r => r.Id);

        Assert.That(agentRules.Where(id => !deducting.Contains(id)), Is.Empty, "rules whose violations cost nothing");
    }

    [Test]
    public void CustomerComplaint_TriggersThePenalty()
    {
        var affected = Form.ItemsFor("escalation.complaint").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(affected.Select(a => a.Item.Name), Is.EqualTo(new[] { "客户投诉" }));
            Assert.That(affected.Single().Deduction, Is.Null);
            Assert.That(affected.Single().Item.Points, Is.EqualTo(-5));
        });
    }

    [Test]
    public void Deductions_NeverExceedTheirItem()
    {
        Assert.Multiple(() =>
        {
            foreach (var item in Form.Items)
            {
                foreach (var deduction in item.Deductions)
                {
                    Assert.That(deduction.Max, Is.InRange(deduction.Points, item.Points), $"{item.Name}/{deduction.RuleId}");
                }
            }
        });
    }

    [Test]
    public void DeductionFor_ManyViolations_IsCappedAtMax()
    {
        var deduction = new ScoringDeduction("r", 2, 6);

        Assert.Multiple(() =>
        {
            Assert.That(deduction.For(0), Is.Zero);
            Assert.That(deduction.For(2), Is.EqualTo(4));
            Assert.That(deduction.For(50), Is.EqualTo(6));
            Assert.That(() => deduction.For(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
