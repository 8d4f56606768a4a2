using CallMonitor.Contracts.V1;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Tests.Support;

namespace CallMonitor.Server.Tests.Calls;

/// <summary>Numbers a caller reads out are masked in what the service stores and serves, unless masking is turned off.</summary>
[Category("Integration")]
public class PrivacyTests
{
    private const string Phone = "13812345678";
    private const string IdCard = "110101199003071234";

    [TestCase(true)]
    [TestCase(false)]
    [CancelAfter(60_000)]
    public async Task StoredReport_NumbersReadOut_MaskedByDefault(bool mask, CancellationToken ct)
    {
        await using var server = await LoopbackServer.StartAsync(ct, new ServerOptions { Engines = ["none"], MaskSensitiveNumbers = mask });
        IReadOnlyList<CallFrame> frames =
        [
            CallFrames.TextCallStart("private-1", "p1", "privacy"),
            CallFrames.Said(Speaker.Agent, 0.5, 3.0, "您好，很高兴为您服务"),
            CallFrames.Said(Speaker.Customer, 3.5, 8.0, $"我的手机号是{Phone}，身份证号{IdCard}"),
            CallFrames.Said(Speaker.Agent, 8.5, 11.0, "你问我我问谁"),
            CallFrames.End(),
        ];
        var updates = await TextCalls.StreamAsync(server.Calls, frames, ct);

        var json = (await server.Reports.GetReportAsync(new GetReportRequest { CallId = "private-1" }, cancellationToken: ct)).Content;
        var html = (await server.Reports.GetReportAsync(new GetReportRequest { CallId = "private-1", Format = ReportFormat.Html }, cancellationToken: ct)).Content;
        var transcript = await server.Storage.Reports.GetTranscriptAsync("private-1", ct);
        var sent = updates.Single(u => u.Report is not null).Report.ReportJson;
        string[] stored = [json, html, transcript!, sent];

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("我的手机号是"), "the customer's line is in the report");
            if (mask)
            {
                Assert.That(stored, Has.None.Contain(Phone).And.None.Contain(IdCard[..10]));
                Assert.That(json, Does.Contain("*******5678"), "a phone number keeps its last four digits");
            }
            else
            {
                Assert.That(stored, Has.All.Contain(Phone));
            }
        });
    }
}
