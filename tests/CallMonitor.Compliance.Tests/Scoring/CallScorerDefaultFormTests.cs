using CallMonitor.Compliance.Rules;
using CallMonitor.Compliance.Scoring;
using CallMonitor.Domain.Events;

namespace CallMonitor.Compliance.Tests.Scoring;

/// <summary>
/// <see cref="CallScorer"/> against the default pack's 服务质量评估表. Expected numbers come from the form data, never
/// from the scorer's own output.
/// </summary>
public sealed class CallScorerDefaultFormTests
{
    private static ScoringForm Form => RulePack.Default.Scoring!;

    private static ScoringItem ItemOf(string ruleId) => Form.ItemsFor(ruleId).Single().Item;

    private static ScoringDeduction DeductionOf(string ruleId) => Form.ItemsFor(ruleId).Single().Deduction!;

    private static ScoredItem Scored(CallScore score, string itemId) => score.AllItems().Single(i => i.Id == itemId);

    [Test]
    public void Score_NoViolations_BaseScoreIsFullMarks()
    {
        var score = CallScorer.Score(Form, []);

        Assert.Multiple(() =>
        {
            Assert.That(score.Total, Is.EqualTo(Form.Total));
            Assert.That(score.Max, Is.EqualTo(Form.Total));
            Assert.That(score.Bonus, Is.Zero);
            Assert.That(score.Penalty, Is.Zero);
            Assert.That(score.Sections.Where(s => s.Kind == "score").SelectMany(s => s.Items).Select(i => i.Points),
                Is.EqualTo(Form.Sections.Where(s => s.Kind == ScoringSectionKind.Score).SelectMany(s => s.Items).Select(i => i.Points)));
            Assert.That(score.UnscoredRuleIds, Is.Empty);
        });
    }

    [Test]
    public void Score_OneShirkingPhrase_DeductsItsPointsFromAttitude()
    {
        var item = ItemOf("forbidden.shirking");
        var points = DeductionOf("forbidden.shirking").Points;

        var score = CallScorer.Score(Form, [Violations.Of("forbidden.shirking")]);

        var scored = Scored(score, item.Id);
        Assert.Multiple(() =>
        {
            Assert.That(scored.Points, Is.EqualTo(item.Points - points));
            Assert.That(scored.Deductions.Single().RuleId, Is.EqualTo("forbidden.shirking"));
            Assert.That(scored.Deductions.Single().Violations, Is.EqualTo(1));
            Assert.That(score.Total, Is.EqualTo(Form.Total - points));
            Assert.That(score.Sections.Single(s => s.Name == "服务规范").Points, Is.EqualTo(40 - points));
        });
    }

    [Test]
    public void Score_ManyViolationsOfOneRule_CappedAtTheDeductionsMax()
    {
        var deduction = DeductionOf("forbidden.impatience");
        var count = (int)Math.Ceiling(deduction.Max / deduction.Points) + 3;
        Assume.That(count * deduction.Points, Is.GreaterThan(deduction.Max), "the form caps this rule");

        var score = CallScorer.Score(Form, Violations.Many("forbidden.impatience", count));

        var scored = Scored(score, ItemOf("forbidden.impatience").Id);
        Assert.Multiple(() =>
        {
            Assert.That(scored.Deductions.Single().Violations, Is.EqualTo(count));
            Assert.That(scored.Deductions.Single().Points, Is.EqualTo(deduction.Max));
            Assert.That(score.Total, Is.EqualTo(Form.Total - deduction.Max));
        });
    }

    [Test]
    public void Score_DeductionsBeyondTheItemsPoints_ItemBottomsAtZeroAndOtherItemsKeepTheirs()
    {
        var attitude = ItemOf("forbidden.confrontation");
        var violations = attitude.Deductions.SelectMany(d => Violations.Many(d.RuleId, 3)).ToList();
        Assume.That(attitude.Deductions.Sum(d => d.For(3)), Is.GreaterThan(attitude.Points));

        var score = CallScorer.Score(Form, violations);

        Assert.Multiple(() =>
        {
            Assert.That(Scored(score, attitude.Id).Points, Is.Zero);
            Assert.That(Scored(score, attitude.Id).Deductions.Select(d => d.Points), Has.All.LessThanOrEqualTo(attitude.Points));
            Assert.That(score.Total, Is.EqualTo(Form.Total - attitude.Points));
        });
    }

    [Test]
    public void Score_RuleInTwoItems_OnlyItsOwnItemLoses()
    {
        var voice = ItemOf("voice.rate_fast");
        var attitude = ItemOf("forbidden.shirking");
        Assume.That(voice.Id, Is.Not.EqualTo(attitude.Id));

        var score = CallScorer.Score(Form, [Violations.Of("voice.rate_fast")]);

        Assert.Multiple(() =>
        {
            Assert.That(Scored(score, voice.Id).Points, Is.EqualTo(voice.Points - DeductionOf("voice.rate_fast").Points));
            Assert.That(Scored(score, attitude.Id).Points, Is.EqualTo(attitude.Points));
        });
    }

    [Test]
    public void Score_ManualItems_FullMarksAndMarkedNotJudged()
    {
        var manual = Form.Sections.Where(s => s.Kind == ScoringSectionKind.Score).SelectMany(s => s.Items).Where(i => !i.Automated).ToList();
        Assume.That(manual, Is.Not.Empty);

        var score = CallScorer.Score(Form, Violations.Many("forbidden.shirking", 2));

        Assert.Multiple(() =>
        {
            foreach (var item in manual)
            {
                var scored = Scored(score, item.Id);
                Assert.That(scored.Points, Is.EqualTo(item.Points), item.Name);
                Assert.That(scored.Automated, Is.False, item.Name);
                Assert.That(scored.Note, Is.EqualTo(CallScorer.NotJudgedNote), item.Name);
            }

            Assert.That(score.ManualPoints, Is.EqualTo(manual.Sum(i => i.Points)));
            Assert.That(score.AllItems().Where(i => i.Automated).Select(i => i.Note), Has.All.Null);
        });
    }

    [Test]
    public void Score_CustomerComplaints_PenaltyAppliedOnce()
    {
        var complaint = ItemOf("escalation.complaint");
        Assume.That(complaint.Points, Is.Negative);

        var score = CallScorer.Score(Form, Violations.Many("escalation.complaint", 3));

        Assert.Multiple(() =>
        {
            Assert.That(score.Penalty, Is.EqualTo(complaint.Points));
            Assert.That(Scored(score, complaint.Id).Points, Is.EqualTo(complaint.Points));
            Assert.That(Scored(score, complaint.Id).Deductions.Single().Violations, Is.EqualTo(3));
            Assert.That(score.Total, Is.EqualTo(Form.Total + complaint.Points));
            Assert.That(score.Bonus, Is.Zero, "bonus items need a person");
        });
    }

    [Test]
    public void Score_RetractedOrStillProvisional_NeverDeducts()
    {
        var violations = new[]
        {
            Violations.Of("forbidden.shirking", ViolationState.Provisional, "a"),
            Violations.Of("forbidden.shirking", ViolationState.Retracted, "a"),
            Violations.Of("forbidden.arrogance", ViolationState.Provisional, "b"),
            Violations.Of("forbidden.impatience", ViolationState.Confirmed, "c"),
            Violations.Of("forbidden.impatience", ViolationState.Retracted, "c"),
        };

        var score = CallScorer.Score(Form, violations);

        Assert.Multiple(() =>
        {
            Assert.That(score.Total, Is.EqualTo(Form.Total));
            Assert.That(score.AllItems().SelectMany(i => i.Deductions), Is.Empty);
        });
    }

    [Test]
    public void Score_ProvisionalThenConfirmedAndFusedUpdate_CountsOnce()
    {
        var violations = new[]
        {
            Violations.Of("forbidden.shirking", ViolationState.Provisional, "a"),
            Violations.Of("forbidden.shirking", ViolationState.Confirmed, "a"),
            Violations.Of("forbidden.shirking", ViolationState.Confirmed, "a"),
        };

        var score = CallScorer.Score(Form, violations);

        var deduction = Scored(score, ItemOf("forbidden.shirking").Id).Deductions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(deduction.Violations, Is.EqualTo(1));
            Assert.That(deduction.ViolationIds, Is.EqualTo(new[] { "a" }));
            Assert.That(score.Total, Is.EqualTo(Form.Total - DeductionOf("forbidden.shirking").Points));
        });
    }

    [Test]
    public void Score_RuleTheFormDoesNotScore_ListedAsUnscoredWithoutDeduction()
    {
        // Every rule of the default pack is on the form, so take an id the form does not name (a newer pack's rule).
        const string unscored = "custom.not_on_the_form";
        Assume.That(Form.ItemsFor(unscored), Is.Empty);

        var score = CallScorer.Score(Form, [Violations.Of(unscored)]);

        Assert.Multiple(() =>
        {
            Assert.That(score.UnscoredRuleIds, Is.EqualTo(new[] { unscored }));
            Assert.That(score.Total, Is.EqualTo(Form.Total));
        });
    }

    [Test]
    public void Score_SameViolationsInAnotherOrder_SameScore()
    {
        var violations = Violations.Many("forbidden.shirking", 2)
            .Concat(Violations.Many("voice.rate_fast", 3))
            .Concat(Violations.Many("escalation.complaint", 1))
            .ToList();

        var a = CallScorer.Score(Form, violations);
        var b = CallScorer.Score(Form, Enumerable.Reverse(violations));

        Assert.Multiple(() =>
        {
            Assert.That(b.Total, Is.EqualTo(a.Total));
            Assert.That(b.AllItems().Select(i => (i.Id, i.Points)), Is.EqualTo(a.AllItems().Select(i => (i.Id, i.Points))));
            Assert.That(b.AllItems().SelectMany(i => i.Deductions.SelectMany(d => d.ViolationIds)),
                Is.EqualTo(a.AllItems().SelectMany(i => i.Deductions.SelectMany(d => d.ViolationIds))));
        });
    }

    [Test]
    public void Score_Sections_SubtotalsAddUpToTheTotal()
    {
        var violations = Violations.Many("forbidden.shirking", 1).Concat(Violations.Many("voice.filler_words", 2)).ToList();

        var score = CallScorer.Score(Form, violations);

        Assert.Multiple(() =>
        {
            Assert.That(score.Sections.Select(s => s.Name), Is.EqualTo(Form.Sections.Select(s => s.Name)));
            Assert.That(score.Sections.Select(s => s.Max), Is.EqualTo(Form.Sections.Select(s => s.Points)));
            Assert.That(score.Sections.Sum(s => s.Points), Is.EqualTo(score.Total));
            Assert.That(score.Total, Is.EqualTo(Form.Total - DeductionOf("forbidden.shirking").Points - DeductionOf("voice.filler_words").For(2)));
        });
    }
}
