using System.Text.Json;
using CallMonitor.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CallMonitor.Cli.Client;

/// <summary>
/// Plays an agent desktop over CallAnalysis.StreamCall: CallStart, the audio in chunks (paced by the wall clock
/// when asked), CallEnd; meanwhile prints every update as a JSON line, alerts with the audio time they refer to and
/// their latency from the sending of that audio. Sending and receiving run side by side on the one call.
/// </summary>
public sealed class CallStreamer
{
    private readonly CallAnalysis.CallAnalysisClient _client;
    private readonly Metadata _headers;
    private readonly JsonLineWriter _output;
    private readonly TimeProvider _time;

    public CallStreamer(CallAnalysis.CallAnalysisClient client, Metadata headers, JsonLineWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _headers = headers;
        _output = output;
        _time = time;
    }

    /// <summary>Streams the call and prints its updates, then a summary line.</summary>
    /// <exception cref="RpcException">The server rejected or failed the call (its status says why).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the server keeps a partial report).</exception>
    public async Task<CallStreamResult> RunAsync(PcmChunkReader audio, StreamCallOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return await StreamAsync(audio, options, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"call {options.CallId} was stopped", e, cancellationToken);
        }
    }

    private async Task<CallStreamResult> StreamAsync(PcmChunkReader audio, StreamCallOptions options, CancellationToken cancellationToken)
    {
        var log = new AudioSendLog(_time);
        var started = _time.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var call = _client.StreamCall(_headers, cancellationToken: stop.Token);
        var receiving = ReceiveAsync(call.ResponseStream, log, options.ShowTranscript, stop.Token);
        try
        {
            await SendAsync(call.RequestStream, audio, options, log, receiving, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when ((e is RpcException or InvalidOperationException or IOException) && !cancellationToken.IsCancellationRequested)
        {
            // The server ended the call while audio was going out: its status, read by the receiver, says why.
            await receiving.ConfigureAwait(false);
            throw;
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(receiving).ConfigureAwait(false);
            _ = receiving.Exception; // observed: the send's own failure is the one to report
            throw;
        }

        var (report, violations) = await receiving.ConfigureAwait(false);
        var elapsed = _time.GetElapsedTime(started);
        _output.WriteLine(json =>
        {
            json.WriteString("kind", "report");
            json.WriteBoolean("reportReady", report is not null);
            json.WriteString("callId", report?.CallId ?? options.CallId);
            if (report is not null)
            {
                json.WriteNumber("score", report.Score);
                json.WriteNumber("maxScore", report.MaxScore);
                json.WriteNumber("violations", report.ViolationCount);
            }

            json.WriteNumber("violationUpdates", violations);
            json.WriteNumber("audioSec", Math.Round(log.Sent.TotalSeconds, 3));
            json.WriteNumber("elapsedMs", Math.Round(elapsed.TotalMilliseconds));
        });
        return new CallStreamResult(report, log.Sent, violations);
    }

    private static CallStart Start(PcmChunkReader audio, StreamCallOptions options)
    {
        var start = new CallStart { CallId = options.CallId, AgentId = options.AgentId, Team = options.Team, Format = audio.WireFormat() };
        if (options.StartedAt is { } at)
        {
            start.StartedAt = Timestamp.FromDateTimeOffset(at);
            start.UtcOffsetMinutes = (int)at.Offset.TotalMinutes;
        }

        return start;
    }

    private static void WriteLatency(Utf8JsonWriter json, double audioTime, TimeSpan? latency)
    {
        json.WriteNumber("audioTime", Math.Round(audioTime, 3));
        if (latency is { } value)
        {
            json.WriteNumber("latencyMs", Math.Round(value.TotalMilliseconds, 1));
        }
        else
        {
            json.WriteNull("latencyMs");
        }
    }

    private async Task SendAsync(
        IClientStreamWriter<CallFrame> requests, PcmChunkReader audio, StreamCallOptions options, AudioSendLog log, Task receiving, CancellationToken cancellationToken)
    {
        await requests.WriteAsync(new CallFrame { Start = Start(audio, options) }, cancellationToken).ConfigureAwait(false);
        var pacing = options.Realtime ? new PacingClock(_time) : null;
        pacing?.Start();
        foreach (var chunk in audio.ReadChunks(options.ChunkLength))
        {
            if (receiving.IsCompleted)
            {
                // The server closed the call early: stop sending, the receiver has its status.
                return;
            }

            if (pacing is not null)
            {
                await pacing.WaitUntilAsync(chunk.Start, cancellationToken).ConfigureAwait(false);
            }

            log.Sending(chunk.End);
            await requests.WriteAsync(new CallFrame { Audio = new AudioChunk { Data = ByteString.CopyFrom(chunk.Data) } }, cancellationToken).ConfigureAwait(false);
        }

        await requests.WriteAsync(new CallFrame { End = new CallEnd() }, cancellationToken).ConfigureAwait(false);
        await requests.CompleteAsync().ConfigureAwait(false);
    }

    private async Task<(ReportReady? Report, int Violations)> ReceiveAsync(
        IAsyncStreamReader<CallUpdate> updates, AudioSendLog log, bool showTranscript, CancellationToken cancellationToken)
    {
        ReportReady? report = null;
        var violations = 0;
        await foreach (var update in updates.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var arrival = _time.GetTimestamp();
            switch (update.UpdateCase)
            {
                case CallUpdate.UpdateOneofCase.Violation:
                    violations++;
                    WriteViolation(update.Violation, log, arrival);
                    break;
                case CallUpdate.UpdateOneofCase.Status:
                    WriteStatus(update.Status, log);
                    break;
                case CallUpdate.UpdateOneofCase.Transcript when showTranscript:
                    WriteTranscript(update.Transcript, log, arrival);
                    break;
                case CallUpdate.UpdateOneofCase.Report:
                    report = update.Report;
                    break;
                default:
                    break;
            }
        }

        return (report, violations);
    }

    private void WriteViolation(Violation violation, AudioSendLog log, long arrival)
    {
        var audioTime = violation.Span?.End ?? 0;
        var latency = log.LatencyOf(TimeSpan.FromSeconds(audioTime), arrival);
        _output.WriteLine(json =>
        {
            json.WriteString("kind", "violation");
            ViolationJson.Write(json, violation);
            WriteLatency(json, audioTime, latency);
        });
    }

    private void WriteTranscript(TranscriptUpdate transcript, AudioSendLog log, long arrival)
    {
        var audioTime = transcript.Span?.End ?? 0;
        var latency = log.LatencyOf(TimeSpan.FromSeconds(audioTime), arrival);
        _output.WriteLine(json =>
        {
            json.WriteString("kind", "transcript");
            json.WriteString("speaker", WireNames.Of(transcript.Speaker));
            json.WriteNumber("start", Math.Round(transcript.Span?.Start ?? 0, 3));
            json.WriteNumber("end", Math.Round(audioTime, 3));
            json.WriteString("text", transcript.Text);
            json.WriteBoolean("final", transcript.Final);
            json.WriteString("source", transcript.Source);
            WriteLatency(json, audioTime, latency);
        });
    }

    private void WriteStatus(CallStatus status, AudioSendLog log) => _output.WriteLine(json =>
    {
        json.WriteString("kind", "status");
        json.WriteNumber("backlogSec", status.BacklogSeconds);
        json.WriteString("message", status.Message);
        json.WriteNumber("audioSentSec", Math.Round(log.Sent.TotalSeconds, 3));
        json.WriteStartArray("engines");
        foreach (var engine in status.Engines)
        {
            json.WriteStartObject();
            json.WriteString("name", engine.Name);
            json.WriteString("state", engine.State);
            if (!string.IsNullOrEmpty(engine.Error))
            {
                json.WriteString("error", engine.Error);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    });
}
