using CallMonitor.Domain.Errors;
using CallMonitor.Engines.Vosk.Results;

namespace CallMonitor.Engines.Vosk.Tests.Results;

// The JSON below is written by hand from the format vosk_api.h documents (vosk prints "key" : value with spaces
// and six decimals).
public class VoskResultParserTests
{
    private const string ChineseFinal = """
        {
          "result" : [{
              "conf" : 1.000000,
              "end" : 1.110000,
              "start" : 0.870000,
              "word" : "您好"
            }, {
              "conf" : 0.623451,
              "end" : 1.530000,
              "start" : 1.110000,
              "word" : "请问"
            }],
          "text" : "您好 请问"
        }
        """;

    [Test]
    public void ParseFinal_ChineseWordsWithTimes_JoinsTextAndKeepsWords()
    {
        var result = VoskResultParser.ParseFinal(ChineseFinal);

        Assert.Multiple(() =>
        {
            Assert.That(result.Best.Text, Is.EqualTo("您好请问"));
            Assert.That(result.Best.Words.Select(w => w.Text), Is.EqualTo(new[] { "您好", "请问" }));
            Assert.That(result.Best.Words[1].Start, Is.EqualTo(1.11).Within(1e-9));
            Assert.That(result.Best.Words[1].End, Is.EqualTo(1.53).Within(1e-9));
            Assert.That(result.Best.Words[1].Confidence, Is.EqualTo(0.623451).Within(1e-9));
            Assert.That(result.IsEmpty, Is.False);
            Assert.That(result.AlternativeTexts, Is.Empty);
        });
    }

    [Test]
    public void ParseFinal_EmptyText_IsEmpty()
    {
        var result = VoskResultParser.ParseFinal("""{"text" : ""}""");

        Assert.Multiple(() =>
        {
            Assert.That(result.IsEmpty, Is.True);
            Assert.That(result.Best.Words, Is.Empty);
        });
    }

    [Test]
    public void ParseFinal_NBest_BestFirstAndOtherReadingsAsAlternatives()
    {
        const string json = """
            {
              "alternatives" : [{
                  "confidence" : 231.517517,
                  "result" : [{ "end" : 0.990000, "start" : 0.420000, "word" : "办理" },
                              { "end" : 1.500000, "start" : 0.990000, "word" : "信用卡" }],
                  "text" : "办理 信用卡"
                }, {
                  "confidence" : 228.029968,
                  "result" : [{ "end" : 1.500000, "start" : 0.420000, "word" : "半理信用卡" }],
                  "text" : "半理信用卡"
                }, {
                  "confidence" : 227.000000,
                  "result" : [{ "end" : 0.990000, "start" : 0.420000, "word" : "办理" },
                              { "end" : 1.500000, "start" : 0.990000, "word" : "信用卡" }],
                  "text" : "办理信用卡"
                }]
            }
            """;

        var result = VoskResultParser.ParseFinal(json);

        Assert.Multiple(() =>
        {
            Assert.That(result.Hypotheses, Has.Count.EqualTo(3));
            Assert.That(result.Best.Text, Is.EqualTo("办理信用卡"));
            Assert.That(result.Best.Score, Is.EqualTo(231.517517).Within(1e-6));
            Assert.That(result.Best.Words.Select(w => w.Text), Is.EqualTo(new[] { "办理", "信用卡" }));
            Assert.That(result.Best.Words[0].Confidence, Is.Null, "N-best words carry no confidence");
            Assert.That(result.AlternativeTexts, Is.EqualTo(new[] { "半理信用卡" }), "a reading equal to the best text is not an alternative");
        });
    }

    [Test]
    public void ParsePartial_PlainPartial_JoinsText()
    {
        var partial = VoskResultParser.ParsePartial("""{"partial" : "请 提供 您 的"}""");

        Assert.Multiple(() =>
        {
            Assert.That(partial.Text, Is.EqualTo("请提供您的"));
            Assert.That(partial.Words, Is.Empty);
        });
    }

    [Test]
    public void ParsePartial_WithPartialWords_ReadsTimes()
    {
        const string json = """
            {
              "partial" : "身份证 号码",
              "partial_result" : [{ "conf" : 0.9, "end" : 2.4, "start" : 1.8, "word" : "身份证" },
                                  { "conf" : 0.5, "end" : 2.9, "start" : 2.4, "word" : "号码" }]
            }
            """;

        var partial = VoskResultParser.ParsePartial(json);

        Assert.Multiple(() =>
        {
            Assert.That(partial.Text, Is.EqualTo("身份证号码"));
            Assert.That(partial.Words.Select(w => (w.Start, w.End)), Is.EqualTo(new[] { (1.8, 2.4), (2.4, 2.9) }));
        });
    }

    [Test]
    public void ParsePartial_EmptyObject_GivesEmptyText() =>
        Assert.That(VoskResultParser.ParsePartial("{}").Text, Is.Empty);

    [TestCase("not json")]
    [TestCase("""{"text" : 12}""")]
    [TestCase("")]
    public void ParseFinal_Unreadable_ThrowsEngineUnavailableQuotingOutput(string json)
    {
        var ex = Assert.Throws<EngineUnavailableException>(() => VoskResultParser.ParseFinal(json));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Engine, Is.EqualTo("vosk"));
            Assert.That(ex.Message, Does.Contain("cannot read"));
        });
    }
}
