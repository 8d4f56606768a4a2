using CallMonitor.Storage.Tests.Support;

namespace CallMonitor.Storage.Tests.Reports;

public sealed class SqliteReportStoreTests : StorageTestBase
{
    private const string ReportJson = """{"callId":"c1","score":72,"violations":[{"rule":"forbidden.shirking","evidence":"这个不归我管，你找别人吧"}]}""";
    private const string ReportHtml = "<html lang=\"zh-CN\"><body><h1>通话质检报告</h1><p>坐席：王小明 — 得分 72</p></body></html>";

    [Test]
    [CancelAfter(30_000)]
    public async Task PutReportAsync_ChineseJsonAndHtml_RoundTripsExactlyAcrossRestart(CancellationToken token)
    {
        var time = new ManualTimeProvider();
        var storage = await OpenAsync(time: time);
        var put = await storage.Reports.PutReportAsync("c1", ReportJson, ReportHtml, token);
        await CloseAsync(storage);

        var reopened = await OpenAsync(time: time);
        var got = await reopened.Reports.GetReportAsync("c1", token);
        Assert.Multiple(() =>
        {
            Assert.That(got, Is.EqualTo(put));
            Assert.That(got!.Json, Is.EqualTo(ReportJson));
            Assert.That(got.Html, Is.EqualTo(ReportHtml));
            Assert.That(got.StoredAt, Is.EqualTo(time.GetUtcNow()));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PutReportAsync_SecondPut_ReplacesFirst(CancellationToken token)
    {
        var storage = await OpenAsync();
        await storage.Reports.PutReportAsync("c1", """{"partial":true}""", null, token);
        await storage.Reports.PutReportAsync("c1", ReportJson, ReportHtml, token);

        var got = await storage.Reports.GetReportAsync("c1", token);
        Assert.That(got!.Json, Is.EqualTo(ReportJson));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task GetReportAsync_UnknownCall_Null(CancellationToken token)
    {
        var storage = await OpenAsync();
        await storage.Reports.PutReportAsync("c1", ReportJson, null, token);
        Assert.That(await storage.Reports.GetReportAsync("c2", token), Is.Null);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PutTranscriptAsync_ChineseTranscript_RoundTripsAndReplaces(CancellationToken token)
    {
        var storage = await OpenAsync();
        const string first = """[{"role":"agent","text":"您好，请问有什么可以帮您"}]""";
        const string second = """[{"role":"agent","text":"您好，请问有什么可以帮您"},{"role":"customer","text":"我的卡号是 **** **** **** 1234"}]""";
        await storage.Reports.PutTranscriptAsync("c1", first, token);
        var afterFirst = await storage.Reports.GetTranscriptAsync("c1", token);
        await storage.Reports.PutTranscriptAsync("c1", second, token);

        Assert.Multiple(async () =>
        {
            Assert.That(afterFirst, Is.EqualTo(first));
            Assert.That(await storage.Reports.GetTranscriptAsync("c1", token), Is.EqualTo(second));
            Assert.That(await storage.Reports.GetTranscriptAsync("nobody", token), Is.Null);
        });
    }
}
