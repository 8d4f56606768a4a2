using System.Collections.Concurrent;
using CallMonitor.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;

namespace CallMonitor.Cli.Tests.Client;

/// <summary>
/// A test double of Supervision.Subscribe for the client's resume logic: an event log at positions 1..N and one
/// scripted behaviour per connection (send some events, then fall behind, drop the connection, fail or stay open).
/// It records every request with its authorization header. Not the real service: that one is tested end to end.
/// </summary>
internal sealed class SupervisionDouble : Supervision.SupervisionBase
{
    private readonly ConcurrentQueue<SubscriptionScript> _scripts;
    private readonly SubscriptionScript _afterScripts;

    public SupervisionDouble(int logLength, IEnumerable<SubscriptionScript> scripts, SubscriptionScript? afterScripts = null)
    {
        Log = [.. Enumerable.Range(1, logLength).Select(p => Event(p))];
        _scripts = new ConcurrentQueue<SubscriptionScript>(scripts);
        _afterScripts = afterScripts ?? SubscriptionScript.SendAndHold(int.MaxValue);
    }

    public IReadOnlyList<ViolationEvent> Log { get; }

    public ConcurrentQueue<(SubscribeRequest Request, string? Authorization)> Requests { get; } = new();

    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<ViolationEvent> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        Requests.Enqueue((request.Clone(), context.RequestHeaders.GetValue("authorization")));
        var script = _scripts.TryDequeue(out var next) ? next : _afterScripts;
        if (script.Failure is { } failure)
        {
            throw new RpcException(new Status(failure, "scripted failure"));
        }

        var after = request.SinceStart ? 0 : request.AfterPosition;
        var from = Math.Max(0, after - script.Replayed);
        var last = after;
        foreach (var e in Log.Where(e => e.Position > from && e.Position <= after + (long)script.Send))
        {
            await responseStream.WriteAsync(e, context.CancellationToken);
            last = Math.Max(last, e.Position);
        }

        if (script.EndWhen is { } gate)
        {
            await gate.WaitAsync(context.CancellationToken);
        }

        switch (script.End)
        {
            case ScriptEnd.FallBehind:
                await responseStream.WriteAsync(
                    new ViolationEvent { Position = last, FellBehind = new FellBehind { ResumeAfter = script.ResumeAfter ?? last, Dropped = 3 } },
                    context.CancellationToken);
                return;
            case ScriptEnd.Drop:
                // The connection breaks under the stream (as when a server dies): no status, no trailers.
                context.GetHttpContext().Features.GetRequiredFeature<IConnectionLifetimeFeature>().Abort();
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return;
            case ScriptEnd.Reset:
                // Only this stream is reset (as a proxy in between may do).
                context.GetHttpContext().Abort();
                return;
            default:
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return;
        }
    }

    private static ViolationEvent Event(long position)
    {
        var e = new ViolationEvent
        {
            Position = position,
            EventId = $"call-{(position + 1) / 2}/{position}",
            AgentId = "a7",
            Team = "north",
            RecordedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero).AddSeconds(position)),
        };
        if (position % 2 == 1)
        {
            e.Lifecycle = new CallLifecycle { CallId = $"call-{(position + 1) / 2}", Kind = "started" };
        }
        else
        {
            e.Violation = new Violation
            {
                ViolationId = $"call-{position / 2}/forbidden.shirking/1",
                CallId = $"call-{position / 2}",
                RuleId = "forbidden.shirking",
                Type = "forbidden_phrase",
                Severity = Severity.Major,
                Speaker = Speaker.Agent,
                Span = new AudioSpan { Start = 1.5, End = 2.25 },
                Phrase = "我没办法",
                Evidence = "我没办法",
                Sources = { "kws" },
                Confidence = 0.6,
                State = ViolationState.Confirmed,
                PackId = "callmonitor.default",
                PackVersion = "7",
            };
        }

        return e;
    }
}
