using System.Threading.Channels;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Server.Events;
using CallMonitor.Server.Logging;
using CallMonitor.Reporting.Html;
using CallMonitor.Reporting.Reports;
using CallMonitor.Server.Reports;
using CallMonitor.Server.Storage;
using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Events;
using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Calls;

/// <summary>
/// Everything a call leaves behind, written off the audio path: its start, each violation update (call store and
/// event log, in the order they were found), and at the end its report, transcript, end and report-ready notice.
/// Writes go through the stores' own retry policies; a write that still fails is logged and the call goes on.
/// </summary>
internal sealed class CallRecorder
{
    private readonly CallStartInfo _start;
    private readonly ServerStorage _storage;
    private readonly ReportPrivacy _privacy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<ViolationDetected> _violations = Channel.CreateUnbounded<ViolationDetected>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writing;
    private long _sequence;

    private CallRecorder(CallStartInfo start, ServerStorage storage, ReportPrivacy privacy, TimeProvider time, ILogger logger)
    {
        _start = start;
        _storage = storage;
        _privacy = privacy;
        _time = time;
        _logger = logger;
        _writing = Task.Run(WriteViolationsAsync);
    }

    /// <summary>Registers the call. Returns null when the call id was used before (the first call keeps it).</summary>
    public static async Task<CallRecorder?> StartAsync(
        CallStartInfo start, ServerStorage storage, ReportPrivacy privacy, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var format = new CallAudioFormat(
            start.Format.Encoding.ToString().ToLowerInvariant(), start.Format.SampleRate, start.Format.Channels, [.. start.Format.Layout.Roles.Select(r => r.ToWireName())]);
        var record = new CallStartRecord(start.CallId, start.AgentId, start.Team, start.LocalStart ?? time.GetUtcNow(), format);
        if (!await storage.Calls.StartCallAsync(record, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var recorder = new CallRecorder(start, storage, privacy, time, logger);
        await recorder.PublishLifecycleAsync(EventKind.CallStarted, partial: false).ConfigureAwait(false);
        return recorder;
    }

    /// <summary>Queues a violation update for storage; never waits.</summary>
    public void Record(ViolationDetected violation) => _violations.Writer.TryWrite(violation);

    /// <summary>No report will come (it could not be built): stores what is queued and stops.</summary>
    public void Close() => _violations.Writer.TryComplete();

    /// <summary>Waits for queued violations, then stores the report and transcript, ends the call and announces the report.</summary>
    /// <param name="report">The report, already masked.</param>
    /// <param name="json">The report as JSON.</param>
    public async Task FinishAsync(CallReport report, string json, bool partial, string packId, string packVersion)
    {
        ArgumentNullException.ThrowIfNull(report);
        _violations.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
        // The end first: a stored report always has its call's end (and partial flag) beside it.
        await _storage.Calls.EndCallAsync(new CallEndRecord(_start.CallId, _time.GetUtcNow(), partial, packId, packVersion), CancellationToken.None)
            .ConfigureAwait(false);
        await _storage.Reports.PutReportAsync(_start.CallId, json, HtmlReportWriter.Write(report), CancellationToken.None).ConfigureAwait(false);
        if (report.Transcript is { } transcript)
        {
            await _storage.Reports.PutTranscriptAsync(_start.CallId, Speech.Transcripts.TranscriptWriter.Write(transcript), CancellationToken.None).ConfigureAwait(false);
        }

        await PublishLifecycleAsync(EventKind.CallEnded, partial).ConfigureAwait(false);
        await PublishLifecycleAsync(EventKind.ReportReady, partial).ConfigureAwait(false);
    }

    private async Task WriteViolationsAsync()
    {
        await foreach (var violation in _violations.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var masked = _privacy.Mask(violation);
            try
            {
                await _storage.Calls.RecordViolationAsync(masked, CancellationToken.None).ConfigureAwait(false);
                var record = EventRecords.Violation(_start.AgentId, _start.Team, Interlocked.Increment(ref _sequence), masked, _time.GetUtcNow());
                await _storage.Events.PublishAsync(record, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Storage already retried; one lost write must not end the call or its other writes.
            catch (Exception e)
#pragma warning restore CA1031
            {
                ServerLog.RecordFailed(_logger, _start.CallId, masked.ViolationId, e);
            }
        }
    }

    private Task<long> PublishLifecycleAsync(EventKind kind, bool partial) =>
        _storage.Events.PublishAsync(
            EventRecords.Lifecycle(_start.CallId, _start.AgentId, _start.Team, Interlocked.Increment(ref _sequence), kind, partial, _time.GetUtcNow()),
            CancellationToken.None);
}
