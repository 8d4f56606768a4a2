using CallMonitor.Compliance.Rules;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Compliance.Tests.Corpus;

/// <summary>
/// The compliance corpus (<c>tests/corpus/calls</c>) is usable by the benchmark: every transcript reads, every
/// expected file is well formed and consistent with its transcript, and the corpus covers every rule type.
/// Says nothing about how well the engine does on it (that is <c>callmonitor-bench compliance</c>).
/// </summary>
[TestFixture]
public sealed class CorpusFilesTests
{
    private const string RenderPrefix = "render:";

    private static IEnumerable<string> Calls() => CorpusFolder.CallNames();

    private static IEnumerable<string> Transcripts() => CorpusFolder.TranscriptNames();

    [Test]
    public void Corpus_Folder_HoldsAtLeastTwelveCallsWithThreeCompliant()
    {
        var dir = CorpusFolder.Require();
        var files = Calls().Select(n => ExpectedFile.Read(Path.Combine(dir, n + CorpusFolder.ExpectedSuffix))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(files, Has.Count.GreaterThanOrEqualTo(12), "calls in the corpus");
            Assert.That(files.Count(f => f.Violations.Count == 0), Is.GreaterThanOrEqualTo(3), "fully compliant calls");
            Assert.That(files.Select(f => f.CallId), Is.Unique, "call ids");
        });
    }

    [TestCaseSource(nameof(Transcripts))]
    public void Read_CorpusTranscript_ParsesWithSegmentsOfBothParties(string fileName)
    {
        var document = TranscriptReader.Read(Path.Combine(CorpusFolder.Require(), fileName));
        Assert.Multiple(() =>
        {
            Assert.That(document.Segments, Is.Not.Empty);
            Assert.That(document.Segments.Any(s => s.Speaker == Domain.Calls.SpeakerRole.Agent), Is.True, "agent speech");
            Assert.That(File.Exists(Path.Combine(CorpusFolder.Require(), fileName[..^CorpusFolder.TranscriptSuffix.Length] + CorpusFolder.ExpectedSuffix)),
                Is.True, "an expected file next to the transcript");
        });
    }

    [TestCaseSource(nameof(Calls))]
    public void Read_ExpectedFile_IsWellFormedAndInsideItsCall(string name)
    {
        var dir = CorpusFolder.Require();
        var expected = ExpectedFile.Read(Path.Combine(dir, name + CorpusFolder.ExpectedSuffix));
        var transcriptPath = Path.Combine(dir, name + CorpusFolder.TranscriptSuffix);
        Assert.That(File.Exists(transcriptPath), Is.True, $"{name} has no transcript");
        var transcript = TranscriptReader.Read(transcriptPath);
        var callEnd = transcript.Segments.Select(s => s.End).Concat(transcript.Events.Select(e => e.At)).Max();
        Assert.Multiple(() =>
        {
            Assert.That(expected.CallId, Is.EqualTo(transcript.CallId), "callId matches the transcript's");
            Assert.That(expected.Description, Is.Not.Empty, "description");
            if (expected.Audio is not null)
            {
                Assert.That(expected.Audio, Does.StartWith(RenderPrefix).And.Length.GreaterThan(RenderPrefix.Length), "audio marker");
            }

            foreach (var v in expected.Violations)
            {
                Assert.That(RuleTypes.All, Does.Contain(v.Type), $"type of {v}");
                Assert.That(v.Speaker, Is.AnyOf("agent", "customer"), $"speaker of {v}");
                Assert.That(v.Start, Is.GreaterThanOrEqualTo(0).And.LessThanOrEqualTo(v.End), $"start of {v}");
                Assert.That(v.End, Is.LessThanOrEqualTo(callEnd), $"end of {v} (call ends at {callEnd} s)");
                Assert.That(v.Note, Is.Not.Empty, $"note of {v}");
            }
        });
    }

    [Test]
    public void Corpus_EveryRuleType_IsExpectedAtLeastTwice()
    {
        var dir = CorpusFolder.Require();
        var counts = Calls()
            .SelectMany(n => ExpectedFile.Read(Path.Combine(dir, n + CorpusFolder.ExpectedSuffix)).Violations)
            .GroupBy(v => v.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            foreach (var type in RuleTypes.All)
            {
                Assert.That(counts.GetValueOrDefault(type), Is.GreaterThanOrEqualTo(2), $"expected {type} violations in the corpus");
            }
        });
    }

    [Test]
    public void Corpus_EscalationCues_AreCustomerAndEverythingElseAgent()
    {
        var dir = CorpusFolder.Require();
        var violations = Calls().SelectMany(n => ExpectedFile.Read(Path.Combine(dir, n + CorpusFolder.ExpectedSuffix)).Violations).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(violations.Where(v => v.Type == "escalation_cue").Select(v => v.Speaker), Is.All.EqualTo("customer"));
            Assert.That(violations.Where(v => v.Type != "escalation_cue").Select(v => v.Speaker), Is.All.EqualTo("agent"));
        });
    }
}
