using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Speech.Tests.Transcripts;

[TestFixture]
public sealed class TranscriptReaderErrorTests
{
    private const string Source = "inbox/c1.transcript.json";

    private static IEnumerable<TestCaseData> BadTranscripts()
    {
        static TestCaseData Case(string name, string json, string place, string problem) =>
            new TestCaseData(json, place, problem).SetName($"Read_{name}_ThrowsNamingPlace");

        const string Seg = """{"speaker":"agent","start":0.5,"end":3.1,"text":"您好"}""";
        yield return Case("RootIsArray", "[]", "top level", "must be a JSON object");
        yield return Case("MissingCallId", $$"""{"segments":[{{Seg}}]}""", "callId", "is missing");
        yield return Case("EmptyCallId", $$"""{"callId":" ","segments":[{{Seg}}]}""", "callId", "is empty");
        yield return Case("MissingSegments", """{"callId":"c1"}""", "segments", "is missing");
        yield return Case("SegmentsNotArray", """{"callId":"c1","segments":{}}""", "segments", "must be a JSON array");
        yield return Case(
            "UnknownSpeaker",
            $$"""{"callId":"c1","segments":[{{Seg}},{"speaker":"boss","start":4,"end":5,"text":"x"}]}""",
            "segments[1].speaker",
            "'boss'");
        yield return Case(
            "MixedSpeaker",
            """{"callId":"c1","segments":[{"speaker":"mixed","start":4,"end":5,"text":"x"}]}""",
            "segments[0].speaker",
            "use 'agent' or 'customer'");
        yield return Case(
            "NegativeStart",
            """{"callId":"c1","segments":[{"speaker":"agent","start":-0.2,"end":5,"text":"x"}]}""",
            "segments[0].start",
            "negative");
        yield return Case(
            "EndBeforeStart",
            $$"""{"callId":"c1","segments":[{{Seg}},{{Seg}},{{Seg}},{"speaker":"agent","start":9,"end":8.5,"text":"x"}]}""",
            "segments[3].end",
            "before start");
        yield return Case(
            "NaNAsString",
            """{"callId":"c1","segments":[{"speaker":"agent","start":"NaN","end":5,"text":"x"}]}""",
            "segments[0].start",
            "must be a number");
        yield return Case(
            "NumberOverflowsDouble",
            """{"callId":"c1","segments":[{"speaker":"agent","start":1,"end":1e400,"text":"x"}]}""",
            "segments[0].end",
            "not a usable number");
        yield return Case(
            "MillisecondsNotSeconds",
            """{"callId":"c1","segments":[{"speaker":"agent","start":520,"end":310000000,"text":"x"}]}""",
            "segments[0].end",
            "longer than a day");
        yield return Case(
            "MissingText",
            """{"callId":"c1","segments":[{"speaker":"agent","start":1,"end":2}]}""",
            "segments[0].text",
            "is missing");
        yield return Case(
            "WordOutsideSegment",
            """
            {"callId":"c1","segments":[{"speaker":"agent","start":1,"end":2,"text":"您好吗",
              "words":[{"text":"您好","start":1,"end":1.5},{"text":"吗","start":1.9,"end":2.4}]}]}
            """,
            "segments[0].words[1]",
            "outside its segment");
        yield return Case(
            "WordEndBeforeStart",
            """
            {"callId":"c1","segments":[{"speaker":"agent","start":1,"end":2,"text":"您好",
              "words":[{"text":"您好","start":1.5,"end":1.2}]}]}
            """,
            "segments[0].words[0].end",
            "before start");
        yield return Case(
            "ConfidenceAboveOne",
            """
            {"callId":"c1","segments":[{"speaker":"agent","start":1,"end":2,"text":"您好",
              "words":[{"text":"您好","start":1.1,"end":1.2,"conf":1.5}]}]}
            """,
            "segments[0].words[0].conf",
            "outside 0..1");
        yield return Case(
            "UnknownEventType",
            $$"""{"callId":"c1","segments":[{{Seg}}],"events":[{"type":"transfer","by":"agent","at":4}]}""",
            "events[0].type",
            "unknown event type 'transfer'");
        yield return Case(
            "HangupByNobody",
            $$"""{"callId":"c1","segments":[{{Seg}}],"events":[{"type":"hangup","by":"system","at":4}]}""",
            "events[0].by",
            "'system'");
        yield return Case(
            "HangupTimeNegative",
            $$"""{"callId":"c1","segments":[{{Seg}}],"events":[{"type":"hangup","by":"agent","at":-1}]}""",
            "events[0].at",
            "negative");
        yield return Case(
            "StartedAtWithoutOffset",
            $$"""{"callId":"c1","startedAt":"2026-11-23T09:15:00","segments":[{{Seg}}]}""",
            "startedAt",
            "UTC offset");
    }

    [TestCaseSource(nameof(BadTranscripts))]
    public void Read_InvalidContent_MessageNamesFileAndPlace(string json, string place, string problem)
    {
        var ex = Assert.Throws<InvalidTranscriptException>(() => TranscriptReader.Parse(json, Source));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Place, Is.EqualTo(place));
            Assert.That(ex.SourceName, Is.EqualTo(Source));
            Assert.That(ex.Message, Does.Contain(Source));
            Assert.That(ex.Message, Does.Contain($": {place}: "));
            Assert.That(ex.Message, Does.Contain(problem));
        });
    }

    [Test]
    public void Read_TruncatedJson_PlaceIsLineAndByte()
    {
        const string Json = "{\"callId\":\"c1\",\n \"segments\": [ {\"speaker\": }\n";

        var ex = Assert.Throws<InvalidTranscriptException>(() => TranscriptReader.Parse(Json, Source));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Place, Does.StartWith("line 2, byte "));
            Assert.That(ex.Message, Does.Contain(Source).And.Contain("not valid JSON"));
            Assert.That(ex.InnerException, Is.InstanceOf<System.Text.Json.JsonException>());
        });
    }

    [Test]
    public void Read_FileWithBadSegment_MessageNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cm-transcript-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"callId":"c1","segments":[{"speaker":"agent","start":3,"end":2,"text":"x"}]}""");
        try
        {
            var ex = Assert.Throws<InvalidTranscriptException>(() => TranscriptReader.Read(path));

            Assert.That(ex!.Message, Does.Contain(path).And.Contain("segments[0].end"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Read_MissingFile_SaysNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cm-missing-{Guid.NewGuid():N}.json");

        var ex = Assert.Throws<InvalidTranscriptException>(() => TranscriptReader.Read(path));

        Assert.That(ex!.Message, Does.Contain(path).And.Contain("not found"));
    }
}
