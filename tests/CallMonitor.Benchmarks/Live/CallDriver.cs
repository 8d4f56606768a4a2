using System.Diagnostics;
using CallMonitor.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// Streams one call over CallAnalysis.StreamCall: CallStart, the audio in fixed chunks, CallEnd; reads the updates
/// the service sends back meanwhile. Paced, chunk k (audio k*c .. (k+1)*c) is sent at t0 + (k+1)*c, with t0 the
/// moment after CallStart was written: as soon as a live capture would have it, computed from t0 (no drift).
/// Unpaced, chunks go as fast as the stream takes them. A failed call is recorded in its outcome, never thrown.
/// </summary>
internal static class CallDriver
{
    /// <param name="origin">Stopwatch ticks the plan's start offset counts from.</param>
    public static async Task<CallOutcome> RunAsync(
        CallAnalysis.CallAnalysisClient client, CallPlan plan, long origin, bool paced, double chunkSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        var chunks = plan.Audio.Chunks(chunkSeconds).Select(UnsafeByteOperations.UnsafeWrap).ToArray();
        var outcome = new CallOutcome(plan, new SentAudioLog(chunks.Length, chunkSeconds));
        try
        {
            await DelayUntilAsync(origin + Ticks(plan.StartOffset.TotalSeconds), cancellationToken).ConfigureAwait(false);
            using var call = client.StreamCall(cancellationToken: cancellationToken);
            var reading = ReadAsync(call.ResponseStream, outcome, cancellationToken);
            await call.RequestStream.WriteAsync(new CallFrame { Start = Start(plan) }, cancellationToken).ConfigureAwait(false);
            var t0 = Stopwatch.GetTimestamp();
            for (var k = 0; k < chunks.Length; k++)
            {
                var due = paced ? t0 + Ticks((k + 1) * chunkSeconds) : Stopwatch.GetTimestamp();
                await DelayUntilAsync(due, cancellationToken).ConfigureAwait(false);
                var sending = Stopwatch.GetTimestamp();
                outcome.Sent.Record(k, due, sending);
                await call.RequestStream.WriteAsync(new CallFrame { Audio = new AudioChunk { Data = chunks[k] } }, cancellationToken).ConfigureAwait(false);
                outcome.Sent.RecordWrite(sending, Stopwatch.GetTimestamp());
            }

            await call.RequestStream.WriteAsync(new CallFrame { End = new CallEnd() }, cancellationToken).ConfigureAwait(false);
            outcome.EndSent = Stopwatch.GetTimestamp();
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            outcome.Error ??= $"{ex.StatusCode}: {ex.Status.Detail}";
        }
        catch (OperationCanceledException)
        {
            outcome.Error ??= "did not finish in the time allowed (cancelled)";
        }

        if (outcome.Error is null && outcome.Report is null)
        {
            outcome.Error = "the stream ended without a ReportReady";
        }

        return outcome;
    }

    /// <summary>Stopwatch ticks in <paramref name="seconds"/>.</summary>
    public static long Ticks(double seconds) => (long)Math.Round(seconds * Stopwatch.Frequency);

    /// <summary>Waits until the Stopwatch reads <paramref name="due"/> (returns at once when it is past).</summary>
    public static async Task DelayUntilAsync(long due, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private static CallStart Start(CallPlan plan) => new()
    {
        CallId = plan.CallId,
        AgentId = plan.AgentId,
        Team = plan.Team,
        StartedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        UtcOffsetMinutes = 480,
        Format = plan.Audio.Format,
    };

    private static async Task ReadAsync(IAsyncStreamReader<CallUpdate> responses, CallOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            while (await responses.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                var now = Stopwatch.GetTimestamp();
                var update = responses.Current;
                switch (update.UpdateCase)
                {
                    case CallUpdate.UpdateOneofCase.Violation:
                        outcome.Add(new ReceivedViolation(outcome.Plan.CallId, update.Violation, now));
                        break;
                    case CallUpdate.UpdateOneofCase.Status:
                        outcome.Add(now, update.Status);
                        break;
                    case CallUpdate.UpdateOneofCase.Report:
                        outcome.Report = update.Report;
                        outcome.ReportArrived = now;
                        break;
                }
            }
        }
        catch (RpcException ex)
        {
            outcome.Error ??= $"{ex.StatusCode}: {ex.Status.Detail}";
        }
        catch (OperationCanceledException)
        {
            outcome.Error ??= "did not finish in the time allowed (cancelled)";
        }
    }
}
