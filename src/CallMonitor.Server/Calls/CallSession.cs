using System.Diagnostics;
using System.Threading.Channels;
using CallMonitor.Contracts.V1;
using CallMonitor.Domain.Events;
using CallMonitor.Hosting.Calls;
using CallMonitor.Pipeline.Sessions;
using CallMonitor.Reporting.Formats;
using CallMonitor.Reporting.Reports;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Logging;
using CallMonitor.Server.Mapping;
using CallMonitor.Server.Observability;
using CallMonitor.Server.Reports;
using CallMonitor.Server.Rules;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using CallContext = CallMonitor.Compliance.Engine.CallContext;

namespace CallMonitor.Server.Calls;

/// <summary>
/// One StreamCall after its CallStart: frames in -> <see cref="LiveCall"/>; its events, status and the final report
/// out through one bounded queue drained by one writer loop (a response stream takes one write at a time). Violations
/// go to the <see cref="CallRecorder"/> as they are found. A call that does not end normally (client gone, bad frame)
/// is disposed and its partial report kept.
/// </summary>
internal sealed class CallSession
{
    private readonly CallStartInfo _start;
    private readonly AnalysisEngines _engines;
    private readonly RuleGeneration _rules;
    private readonly ServerOptions _options;
    private readonly CallRecorder _recorder;
    private readonly ReportPrivacy _privacy;
    private readonly ServerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly AudioArrivals _arrivals = new();
    private readonly Channel<CallUpdate> _updates;
    private bool _behind;
    private bool _reportKept;

    public CallSession(
        CallStartInfo start, AnalysisEngines engines, RuleGeneration rules, ServerOptions options, CallRecorder recorder, ReportPrivacy privacy, ServerMetrics metrics, ILogger logger)
    {
        _start = start;
        _engines = engines;
        _rules = rules;
        _options = options;
        _recorder = recorder;
        _privacy = privacy;
        _metrics = metrics;
        _logger = logger;
        _updates = Channel.CreateBounded<CallUpdate>(new BoundedChannelOptions(options.UpdateQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public async Task RunAsync(IAsyncStreamReader<CallFrame> requests, IServerStreamWriter<CallUpdate> responses, CancellationToken cancellationToken)
    {
        var pipeline = new CallPipelineOptions
        {
            CallId = _start.CallId,
            Layout = _start.Format.Layout,
            Detectors = _engines.Detectors,
            Engines = _rules.SpeechEngines,
        };
        var live = LiveCall.Start(new LiveCallOptions(pipeline, _rules.Compliance, new CallContext(_start.LocalStart)));
        _metrics.CallStarted(_start.CallId, () => live.Backlog);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = WriteLoopAsync(responses, stop.Token);
        var pumping = PumpAsync(live, stop.Token);
        var completed = false;
        try
        {
            await FeedAsync(requests, live, stop.Token).ConfigureAwait(false);
            await live.CompleteAsync().ConfigureAwait(false);
            await pumping.ConfigureAwait(false);
            var (report, json) = await KeepReportAsync(live, partial: false).ConfigureAwait(false);
            await _updates.Writer.WriteAsync(
                CallUpdateMapping.Report(_start.CallId, report.Score?.Total ?? 0, report.Score?.Max ?? 0, report.Violations.Count, json),
                stop.Token).ConfigureAwait(false);
            _updates.Writer.TryComplete();
            await writing.ConfigureAwait(false);
            completed = true;
            ServerLog.CallCompleted(_logger, _start.CallId, live.Received.TotalSeconds, report.Violations.Count);
        }
        catch (CallFrameException e)
        {
            ServerLog.CallRejected(_logger, e.Message);
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"call {_start.CallId}: {e.Message}"));
        }
        finally
        {
            if (!completed)
            {
                await AbandonAsync(live, stop, writing, pumping).ConfigureAwait(false);
            }
            else
            {
                await live.DisposeAsync().ConfigureAwait(false);
            }

            _metrics.CallEnded(_start.CallId);
            _metrics.AudioReceived(live.Received);
        }
    }

    private async Task FeedAsync(IAsyncStreamReader<CallFrame> requests, LiveCall live, CancellationToken cancellationToken)
    {
        var audio = new CallAudioInput(_start.Format, _options.MaxChunkBytes);
        while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            var frame = requests.Current;
            switch (frame.FrameCase)
            {
                case CallFrame.FrameOneofCase.Audio:
                    await audio.WriteAsync(frame.Audio, live, cancellationToken).ConfigureAwait(false);
                    _arrivals.Arrived(live.Received, Stopwatch.GetTimestamp());
                    await ReportBacklogAsync(live, cancellationToken).ConfigureAwait(false);
                    break;
                case CallFrame.FrameOneofCase.Transcript:
                    var said = CallEventMapping.ToDomain(frame.Transcript, _start.CallId, _start.Format.Layout);
                    await live.AddEventsAsync([said], cancellationToken).ConfigureAwait(false);
                    break;
                case CallFrame.FrameOneofCase.End:
                    await audio.FlushAsync(live, cancellationToken).ConfigureAwait(false);
                    if (CallEventMapping.ToDomain(frame.End, _start.CallId, live.Received) is { } hangUp)
                    {
                        await live.AddEventsAsync([hangUp], cancellationToken).ConfigureAwait(false);
                    }

                    return;
                case CallFrame.FrameOneofCase.Start:
                    throw new CallFrameException("a second CallStart: a stream carries one call; open a new StreamCall for the next call");
                default:
                    throw new CallFrameException("an empty CallFrame: set one of start, audio, transcript or end");
            }
        }

        // The client closed its side without a CallEnd: the call ends with the audio it sent.
        await audio.FlushAsync(live, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask ReportBacklogAsync(LiveCall live, CancellationToken cancellationToken)
    {
        var backlog = live.Backlog;
        if (!_behind && backlog > _options.BacklogWarning)
        {
            _behind = true;
            ServerLog.CallBehind(_logger, _start.CallId, backlog.TotalSeconds);
            var message = $"analysis is {backlog.TotalSeconds:0.0} s behind the audio; alerts will be late";
            await _updates.Writer.WriteAsync(CallUpdateMapping.Status(backlog, live.Engines(), message), cancellationToken).ConfigureAwait(false);
        }
        else if (_behind && backlog < _options.BacklogWarning / 2)
        {
            _behind = false;
            await _updates.Writer.WriteAsync(CallUpdateMapping.Status(backlog, live.Engines(), "analysis has caught up with the audio"), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(LiveCall live, CancellationToken cancellationToken)
    {
        await foreach (var e in live.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e is ViolationDetected violation)
            {
                _recorder.Record(violation);
                if (violation.State != Domain.Events.ViolationState.Retracted && _arrivals.ArrivalOf(violation.Span.End) is { } arrived)
                {
                    _metrics.AlertSent(Stopwatch.GetElapsedTime(arrived), violation.Type);
                }
            }

            if (CallUpdateMapping.ToWire(e) is { } update)
            {
                await _updates.Writer.WriteAsync(update, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteLoopAsync(IServerStreamWriter<CallUpdate> responses, CancellationToken cancellationToken)
    {
        await foreach (var update in _updates.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await responses.WriteAsync(update, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AbandonAsync(LiveCall live, CancellationTokenSource stop, Task writing, Task pumping)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        _updates.Writer.TryComplete();
        try
        {
            await live.DisposeAsync().ConfigureAwait(false);
            await Task.WhenAll(writing, pumping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException or InvalidOperationException or IOException)
        {
            // The stream is gone or was cancelled: nothing more can be sent.
        }

        if (_reportKept)
        {
            // The call was complete and its report stored; only sending it failed (the client left at the very end).
            return;
        }

        try
        {
            await KeepReportAsync(live, partial: true).ConfigureAwait(false);
            ServerLog.CallAbandoned(_logger, _start.CallId, live.Received.TotalSeconds);
        }
#pragma warning disable CA1031 // The partial report is best effort; the call's own error is what the client sees.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ServerLog.CallFailed(_logger, _start.CallId, e);
            _recorder.Close();
        }
    }

    private async Task<(CallReport Report, string Json)> KeepReportAsync(LiveCall live, bool partial)
    {
        var report = _privacy.Mask(LiveReportBuilder.Build(
            live, _start, _rules.Pack, _rules.Compliance, _engines.Detectors.FallbackReason, _rules.UnavailableEngines, _wall.Elapsed));
        var json = JsonReportWriter.Write(report);
        _reportKept = true;
        await _recorder.FinishAsync(report, json, partial, _rules.Pack.Id, _rules.Pack.Version).ConfigureAwait(false);
        return (report, json);
    }
}
