using CallMonitor.Domain.Calls;
using static CallMonitor.Compliance.Tests.Engine.Calls;

namespace CallMonitor.Compliance.Tests.Engine;

/// <summary>
/// speech_rate_too_fast / speech_rate_too_slow with the default pack: above 180 or below 80 characters a minute,
/// judged on windows of at least 10 s of speaking time and 20 characters.
/// </summary>
public sealed class SpeechRateTests
{
    private const string Fast = "speech_rate_too_fast";
    private const string Slow = "speech_rate_too_slow";
    private const SpeakerRole A = SpeakerRole.Agent;

    /// <summary><paramref name="count"/> Chinese characters of ordinary service speech (no punctuation, no digits).</summary>
    private static string Chars(int count)
    {
        const string speech = "您的订单已经发出预计明天下午送到请注意查收快递员会提前联系您";
        return string.Concat(Enumerable.Range(0, count).Select(i => speech[i % speech.Length]));
    }

    [TestCase(31, true)]   // 186 a minute
    [TestCase(29, false)]  // 174 a minute
    public void Accept_TenSecondUtterance_TooFastOnlyAboveBound(int chars, bool flagged)
    {
        var emitted = Run(Agent(0, 10, Chars(chars)));

        Assert.That(OfType(emitted, Fast), Has.Count.EqualTo(flagged ? 1 : 0));
    }

    [TestCase(13, true)]   // 78 a minute
    [TestCase(14, false)]  // 84 a minute
    public void Accept_SlowSpeech_TooSlowOnlyBelowBound(int charsPerTenSeconds, bool flagged)
    {
        var emitted = Run(Agent(0, 10, Chars(charsPerTenSeconds)), Agent(12, 22, Chars(charsPerTenSeconds)));

        var slow = OfType(emitted, Slow);
        Assert.Multiple(() =>
        {
            Assert.That(slow, Has.Count.EqualTo(flagged ? 1 : 0));
            Assert.That(OfType(emitted, Fast), Is.Empty);
        });
    }

    [Test]
    public void Accept_FastViolation_SpansItsWindowWithTranscriptSource()
    {
        var v = OfType(Run(Agent(3, 13, Chars(40))), Fast).Single();

        Assert.Multiple(() =>
        {
            Assert.That(v.Span, Is.EqualTo(At(3, 13)));
            Assert.That(v.Role, Is.EqualTo(A));
            Assert.That(v.Sources, Is.EqualTo(new[] { "transcript" }));
            Assert.That(v.Evidence, Does.Contain("240"), "the measured rate is in the evidence");
        });
    }

    [Test]
    public void Accept_ShortFastUtterances_JudgedTogetherOnceTheWindowIsFull()
    {
        var one = Run(Agent(0, 5, Chars(25)));
        var two = Run(Agent(0, 5, Chars(25)), Customer(5, 7, "好的"), Agent(7, 12, Chars(25)));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(one, Fast), Is.Empty, "5 s of speech says nothing about a habit");
            Assert.That(OfType(two, Fast).Single().Span, Is.EqualTo(At(0, 12)));
        });
    }

    [Test]
    public void Accept_CustomerSpeaksFast_NoAgentViolation()
    {
        Assert.That(OfType(Run(Customer(0, 10, Chars(45))), Fast), Is.Empty);
    }

    [Test]
    public void Accept_WordTimesInsideLongSegment_RateFromWords()
    {
        // 40 characters spoken in 10 s, then 10 s of silence still inside the recogniser's segment.
        var words = Enumerable.Range(0, 10).Select(i => (Chars(40).Substring(i * 4, 4), (double)i, i + 1.0)).ToArray();
        var timed = Run(Timed(A, 0, 20, words));
        var segmentOnly = Run(Agent(0, 20, Chars(40)));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(timed, Fast), Has.Count.EqualTo(1), "240 a minute of speaking time");
            Assert.That(OfType(segmentOnly, Fast), Is.Empty, "120 a minute over the segment");
        });
    }

    [Test]
    public void Accept_PausesBetweenWords_DoNotMakeTheAgentSlow()
    {
        // Twelve two-character words of 1 s each (120 a minute) with 1.5 s pauses between them.
        var words = Enumerable.Range(0, 12).Select(i => (Chars(24).Substring(i * 2, 2), i * 2.5, (i * 2.5) + 1)).ToArray();
        var end = words[^1].Item3;
        var timed = Run(Timed(A, 0, end, words));
        var segmentOnly = Run(Agent(0, end, Chars(24)));

        Assert.Multiple(() =>
        {
            Assert.That(OfType(timed, Slow), Is.Empty);
            Assert.That(OfType(segmentOnly, Slow), Has.Count.EqualTo(1), "over the whole segment it is 50 a minute");
        });
    }

    [Test]
    public void Complete_NoTextClearlyFastAcousticRate_AcousticViolationWithLowerConfidence()
    {
        var acoustic = OfType(Run(Segment(A, 0, 12, perMinute: 240, uncertainty: 15)), Fast).Single();
        var text = OfType(Run(Agent(0, 12, Chars(48))), Fast).Single();

        Assert.Multiple(() =>
        {
            Assert.That(acoustic.Sources, Is.EqualTo(new[] { "acoustic" }));
            Assert.That(acoustic.Span, Is.EqualTo(At(0, 12)));
            Assert.That(acoustic.Confidence, Is.LessThan(text.Confidence));
        });
    }

    [TestCase(200, 15, false)] // 20 over the bound, less than two standard deviations
    [TestCase(200, 5, true)]
    [TestCase(60, 5, true)]    // too slow, clearly
    [TestCase(70, 10, false)]
    public void Complete_NoTextAcousticRate_FlaggedOnlyWhenUncertaintyAllowsAClearCall(double perMinute, double uncertainty, bool flagged)
    {
        var emitted = Run(Segment(A, 0, 25, perMinute, uncertainty));
        var type = perMinute > 120 ? Fast : Slow;

        Assert.That(OfType(emitted, type), Has.Count.EqualTo(flagged ? 1 : 0));
    }

    [Test]
    public void Accept_TextArrivesAfterAcousticEstimate_AcousticViolationRetracted()
    {
        var emitted = Run(Segment(A, 0, 12, perMinute: 260, uncertainty: 10), Agent(0, 12, Chars(24)));

        Assert.Multiple(() =>
        {
            Assert.That(emitted.Where(v => v.Type == Fast).Select(v => v.State), Does.Contain(Domain.Events.ViolationState.Retracted));
            Assert.That(OfType(emitted, Fast), Is.Empty, "the transcript says 120 a minute");
        });
    }
}
