using CallMonitor.Storage.Reports;
using CallMonitor.Storage.Tests.Support;

namespace CallMonitor.Storage.Tests.Reports;

/// <summary>What every <see cref="IReportStore"/> must do; one fixture per implementation derives from it.</summary>
public abstract class ReportStoreContract : StorageTestBase
{
    private const string ReportJson = """{"callId":"c1","score":72,"violations":[{"rule":"forbidden.shirking","evidence":"这个不归我管，你找别人吧"}]}""";
    private const string ReportHtml = "<html lang=\"zh-CN\"><body><h1>通话质检报告</h1><p>坐席：王小明 — 得分 72</p></body></html>";

    /// <summary>A new, empty store for one test.</summary>
    protected abstract Task<IReportStore> CreateReportStoreAsync(TimeProvider time);

    /// <summary>Closes the store last created (as a stopping service would) and opens it again on the same data.</summary>
    protected abstract Task<IReportStore> ReopenReportStoreAsync(TimeProvider time);

    [Test]
    [CancelAfter(30_000)]
    public async Task PutReportAsync_ChineseJsonAndHtml_RoundTripsExactlyAcrossRestart(CancellationToken token)
    {
        var time = new ManualTimeProvider();
        var reports = await CreateReportStoreAsync(time);
        var put = await reports.PutReportAsync("c1", ReportJson, ReportHtml, token);

        var reopened = await ReopenReportStoreAsync(time);
        var got = await reopened.GetReportAsync("c1", token);
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
        var reports = await CreateReportStoreAsync(TimeProvider.System);
        await reports.PutReportAsync("c1", """{"partial":true}""", null, token);
        await reports.PutReportAsync("c1", ReportJson, ReportHtml, token);

        var got = await reports.GetReportAsync("c1", token);
        Assert.That(got!.Json, Is.EqualTo(ReportJson));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task GetReportAsync_UnknownCall_Null(CancellationToken token)
    {
        var reports = await CreateReportStoreAsync(TimeProvider.System);
        await reports.PutReportAsync("c1", ReportJson, null, token);
        Assert.That(await reports.GetReportAsync("c2", token), Is.Null);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PutTranscriptAsync_ChineseTranscript_RoundTripsAndReplaces(CancellationToken token)
    {
        var reports = await CreateReportStoreAsync(TimeProvider.System);
        const string first = """[{"role":"agent","text":"您好，请问有什么可以帮您"}]""";
        const string second = """[{"role":"agent","text":"您好，请问有什么可以帮您"},{"role":"customer","text":"我的卡号是 **** **** **** 1234"}]""";
        await reports.PutTranscriptAsync("c1", first, token);
        var afterFirst = await reports.GetTranscriptAsync("c1", token);
        await reports.PutTranscriptAsync("c1", second, token);

        Assert.Multiple(async () =>
        {
            Assert.That(afterFirst, Is.EqualTo(first));
            Assert.That(await reports.GetTranscriptAsync("c1", token), Is.EqualTo(second));
            Assert.That(await reports.GetTranscriptAsync("nobody", token), Is.Null);
        });
    }
}
