using System.Text.Json;
using CallMonitor.Contracts.V1;
using CallMonitor.Server.Tests.Support;
using CallMonitor.TestKit.Assets;
using CallMonitor.TestKit.Calls;
using Grpc.Core;

namespace CallMonitor.Server.Tests.Calls;

/// <summary>StreamCall against the real server on loopback: a real call in, alerts and the report out; bad input refused.</summary>
[Category("Integration")]
public class StreamCallTests
{
    /// <summary>The agent's second line (as the centre's own recognizer would send it), with a forbidden phrase.</summary>
    private static readonly CallFrame Forbidden = CallFrames.Said(Speaker.Agent, 4.0, 6.5, "这个我不清楚");

    private LoopbackServer _server = null!;
    private WavData _call = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        SharedAssets.RequireAudio();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _call = WavData.Read(StandardCalls.Acceptance(new RenderOptions { SampleRate = 8000, MuLaw = true }).WavPath);
        _server = await LoopbackServer.StartAsync(timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task StreamCall_MuLawStereoFasterThanRealTime_AlertBeforeTheEndThenReport(CancellationToken ct)
    {
        Assert.That((_call.FormatTag, _call.Channels, _call.SampleRate), Is.EqualTo((7, 2, 8000)), "the fixture is 8 kHz mu-law stereo");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await StreamAsync("good-1", _call.Seconds, ct);
        await TestContext.Out.WriteLineAsync(
            $"{string.Join(" | ", result.Updates.Where(u => u.Status is not null).Select(u => u.Status.ToString()))}\n{_call.Seconds:0.0} s of audio in {clock.Elapsed.TotalSeconds:0.0} s; alert after {result.AlertAtSentSeconds:0.0} s sent; {result.Updates.Count} updates; {result.Updates.Count(u => u.Status is not null)} status");

        Assert.Multiple(() =>
        {
            Assert.That(result.AlertAtSentSeconds, Is.Not.Null, "no confirmed forbidden_phrase violation arrived");
            Assert.That(result.AlertAtSentSeconds, Is.LessThan(_call.Seconds - 1), "the alert came only after all the audio was sent");
            Assert.That(result.Report, Is.Not.Null, "no ReportReady");
            Assert.That(result.Updates[^1].UpdateCase, Is.EqualTo(CallUpdate.UpdateOneofCase.Report), "the report is the last update");
        });
        using var json = JsonDocument.Parse(result.Report!.ReportJson);
        var types = json.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("type").GetString()).ToList();
        var stored = await _server.Storage.Calls.GetCallAsync("good-1", ct);
        Assert.Multiple(() =>
        {
            Assert.That(result.Report.CallId, Is.EqualTo("good-1"));
            Assert.That(types, Does.Contain("forbidden_phrase"));
            Assert.That(result.Report.ViolationCount, Is.EqualTo(types.Count));
            Assert.That(json.RootElement.GetProperty("durationSec").GetDouble(), Is.EqualTo(_call.Seconds).Within(0.1));
            Assert.That(stored, Is.Not.Null.And.Property("Partial").False);
            Assert.That(stored!.ViolationCount, Is.EqualTo(types.Count), "violations stored as they were found");
        });
    }

    [TestCaseSource(nameof(BadStreams))]
    [CancelAfter(60_000)]
    public async Task StreamCall_BadInput_InvalidArgumentSayingWhatIsWrong(string name, CallFrame[] frames, string expected, CancellationToken ct)
    {
        var error = await RejectionAsync(frames, ct);

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(StatusCode.InvalidArgument), name);
            Assert.That(error.Status.Detail, Does.Contain(expected), name);
        });
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task StreamCall_BadStreamsDuringAGoodCall_GoodCallStillCompletes(CancellationToken ct)
    {
        var good = StreamAsync("good-2", 20, ct);
        var rejections = await Task.WhenAll(BadStreams().Select(c => RejectionAsync((CallFrame[])c.Arguments[1]!, ct)));
        var result = await good;

        Assert.Multiple(() =>
        {
            Assert.That(rejections.Select(r => r.StatusCode), Is.All.EqualTo(StatusCode.InvalidArgument));
            Assert.That(result.Report, Is.Not.Null, "the good call got no report");
            Assert.That(result.Report!.ViolationCount, Is.GreaterThanOrEqualTo(1), "the good call's forbidden phrase was not reported");
        });
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task StreamCall_ClientCancelsMidCall_ServerKeepsAPartialReport(CancellationToken ct)
    {
        using var client = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var call = _server.Calls.StreamCall(cancellationToken: client.Token);
        await call.RequestStream.WriteAsync(CallFrames.Start("abandoned"), ct);
        await call.RequestStream.WriteAsync(Forbidden, ct);
        var bytesPerSecond = _call.BytesPerFrame * _call.SampleRate;
        await call.RequestStream.WriteAsync(CallFrames.Audio(_call.Data.AsSpan(0, 10 * bytesPerSecond / 4)), ct);
        for (var at = 10 * bytesPerSecond / 4; at < 15 * bytesPerSecond; at += bytesPerSecond / 4)
        {
            await call.RequestStream.WriteAsync(CallFrames.Audio(_call.Data.AsSpan(at, bytesPerSecond / 4)), ct);
        }

        // Wait until the confirmed alert has arrived (a keyword hit may come first, provisional, and a partial report
        // lists confirmed violations only), so the server has judged something before the client goes.
        while (await call.ResponseStream.MoveNext(ct) && call.ResponseStream.Current.Violation is not { Type: "forbidden_phrase", State: ViolationState.Confirmed })
        {
        }

        await client.CancelAsync();

        CallMonitor.Storage.Reports.StoredReport? stored;
        while ((stored = await _server.Storage.Reports.GetReportAsync("abandoned", ct)) is null)
        {
            await Task.Delay(50, ct);
        }

        var record = await _server.Storage.Calls.GetCallAsync("abandoned", ct);
        using var json = JsonDocument.Parse(stored.Json);
        Assert.Multiple(() =>
        {
            Assert.That(record!.Partial, Is.True);
            Assert.That(json.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("type").GetString()), Does.Contain("forbidden_phrase"));
            Assert.That(json.RootElement.GetProperty("durationSec").GetDouble(), Is.GreaterThanOrEqualTo(14.9).And.LessThan(_call.Seconds));
        });
    }

    private static IEnumerable<TestCaseData> BadStreams()
    {
        var ok = new byte[3200];
        yield return Case("audio before start", [CallFrames.Audio(ok)], "the first frame must be CallStart");
        yield return Case("unspecified encoding", [CallFrames.Start("x", AudioEncoding.Unspecified)], "AUDIO_ENCODING_UNSPECIFIED");
        yield return Case("unknown encoding", [CallFrames.Start("x", (AudioEncoding)9)], "9 (unknown");
        yield return Case("sample rate 0", [CallFrames.Start("x", sampleRate: 0)], "sample rate 0 Hz");
        yield return Case("three channels", [CallFrames.Start("x", channels: 3)], "3 channels");
        yield return Case("roles do not match", [CallFrames.Start("x", channels: 2, roles: [Speaker.Agent])], "channel_roles");
        yield return Case("oversized chunk", [CallFrames.Start("x"), CallFrames.Audio(new byte[(64 * 1024) + 2])], "over the limit");
        yield return Case("partial frame", [CallFrames.Start("x", AudioEncoding.Pcm16, 16000), CallFrames.Audio(new byte[7])], "not whole frames");
        yield return Case("segment ends first", [CallFrames.Start("x"), CallFrames.Said(Speaker.Agent, 2, 1, "你好")], "ends (1 s) before it starts (2 s)");
        yield return Case("second start", [CallFrames.Start("x"), CallFrames.Audio(ok), CallFrames.Start("y")], "second CallStart");
        yield return Case("empty frame", [CallFrames.Start("x"), new CallFrame()], "empty CallFrame");
        var longAgent = CallFrames.Start("x");
        longAgent.Start.AgentId = new string('a', 129);
        yield return Case("overlong agent id", [longAgent], "agent_id is 129 characters long");
        yield return Case("segment a day long", [CallFrames.Start("x"), CallFrames.Said(Speaker.Agent, 0, 1e300, "你好")], "a call is at most 24 h long");
    }

    private static TestCaseData Case(string name, CallFrame[] frames, string expected) =>
        new TestCaseData(name, frames, expected).SetArgDisplayNames(name);

    private async Task<RpcException> RejectionAsync(CallFrame[] frames, CancellationToken ct)
    {
        using var call = _server.Calls.StreamCall(cancellationToken: ct);
        var callId = $"bad-{Guid.NewGuid():N}";
        try
        {
            foreach (var frame in frames)
            {
                // Every attempt is a call of its own: a call id is never accepted twice.
                await call.RequestStream.WriteAsync(frame.Start is null ? frame : new CallFrame { Start = new CallStart(frame.Start) { CallId = callId } }, ct);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server may refuse before the client has written everything; the status says why.
        }

        try
        {
            while (await call.ResponseStream.MoveNext(ct))
            {
            }
        }
        catch (RpcException e)
        {
            return e;
        }

        Assert.Fail("the stream was accepted");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Streams the first <paramref name="seconds"/> of the call, 200 ms chunks at about 40x real time.</summary>
    private async Task<StreamResult> StreamAsync(string callId, double seconds, CancellationToken ct)
    {
        using var call = _server.Calls.StreamCall(cancellationToken: ct);
        var sent = 0.0;
        double? alertAt = null;
        var updates = new List<CallUpdate>();
        var reading = Task.Run(
            async () =>
            {
                await foreach (var update in call.ResponseStream.ReadAllAsync(ct))
                {
                    updates.Add(update);
                    if (update.Violation is { Type: "forbidden_phrase", State: ViolationState.Confirmed } && alertAt is null)
                    {
                        alertAt = Volatile.Read(ref sent);
                    }
                }
            },
            ct);
        await call.RequestStream.WriteAsync(CallFrames.Start(callId), ct);
        await call.RequestStream.WriteAsync(Forbidden, ct);
        var chunk = _call.BytesPerFrame * _call.SampleRate / 5;
        var end = Math.Min(_call.Data.Length, (int)(seconds * _call.SampleRate) * _call.BytesPerFrame);
        for (var at = 0; at < end; at += chunk)
        {
            await call.RequestStream.WriteAsync(CallFrames.Audio(_call.Data.AsSpan(at, Math.Min(chunk, end - at))), ct);
            Volatile.Write(ref sent, (at + chunk) / (double)(_call.BytesPerFrame * _call.SampleRate));
            await Task.Delay(5, ct);
        }

        await call.RequestStream.WriteAsync(CallFrames.End(), ct);
        await call.RequestStream.CompleteAsync();
        await reading;
        return new StreamResult(updates, alertAt, updates.LastOrDefault(u => u.UpdateCase == CallUpdate.UpdateOneofCase.Report)?.Report);
    }

    private sealed record StreamResult(IReadOnlyList<CallUpdate> Updates, double? AlertAtSentSeconds, ReportReady? Report);
}
