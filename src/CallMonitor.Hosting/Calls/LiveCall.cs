using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Judging;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Pipeline.Engines;
using CallMonitor.Pipeline.Sessions;

namespace CallMonitor.Hosting.Calls;

/// <summary>
/// A call being analysed as it happens: audio (and any supplied transcript or hang-up) in, one stream out of the
/// pipeline's events with each violation right after the event that revealed it (provisional, confirmed or
/// retracted). The same compliance session a recording uses, fed in the same order, so a live call and its
/// recording are judged alike. At the end, <see cref="Judgement"/> holds every violation in its final state.
/// </summary>
public sealed class LiveCall : IAsyncDisposable
{
    private readonly CallPipeline _pipeline;
    private readonly ComplianceSession _session;
    private readonly Channel<CallEvent> _output = Channel.CreateUnbounded<CallEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly List<CallEvent> _events = [];
    private readonly List<ViolationDetected> _updates = [];
    private readonly Task _judging;
    private volatile bool _abandoned;

    private LiveCall(LiveCallOptions options)
    {
        _pipeline = CallPipeline.Start(options.Pipeline);
        _session = options.Compliance.CreateSession(options.Pipeline.CallId, options.Context);
        _judging = Task.Run(JudgeAsync);
    }

    public string CallId => _pipeline.CallId;

    public ChannelLayout Layout => _pipeline.Layout;

    /// <summary>Audio received so far.</summary>
    public TimeSpan Received => _pipeline.Received;

    /// <summary>Audio received and not yet analysed by the slowest stage.</summary>
    public TimeSpan Backlog => _pipeline.Backlog;

    /// <summary>Every violation in its final state; complete once <see cref="CompleteAsync"/> has returned.</summary>
    public CallJudgement Judgement => CallJudgement.FromUpdates(_updates);

    /// <summary>Every pipeline event of the call so far, in the order it was judged.</summary>
    public IReadOnlyList<CallEvent> Events => _events;

    public IReadOnlyList<EngineStatus> Engines() => _pipeline.Engines();

    /// <exception cref="ArgumentException">Invalid pipeline options.</exception>
    public static LiveCall Start(LiveCallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new LiveCall(options);
    }

    public ValueTask WriteInterleavedAsync(ReadOnlyMemory<float> interleaved16k, int channels, CancellationToken cancellationToken = default) =>
        _pipeline.WriteInterleavedAsync(interleaved16k, channels, cancellationToken);

    public ValueTask WriteAsync(SpeakerRole role, ReadOnlyMemory<float> samples16k, CancellationToken cancellationToken = default) =>
        _pipeline.WriteAsync(role, samples16k, cancellationToken);

    /// <summary>Transcript segments from the centre's own recognizer, a hang-up.</summary>
    public ValueTask AddEventsAsync(IEnumerable<CallEvent> events, CancellationToken cancellationToken = default) =>
        _pipeline.AddEventsAsync(events, cancellationToken);

    /// <summary>The call has ended: flushes every stage, judges what only the end can tell (closing, hang-up order).</summary>
    public async Task CompleteAsync()
    {
        await _pipeline.CompleteAsync().ConfigureAwait(false);
        await _judging.ConfigureAwait(false);
    }

    /// <summary>Events and violations as they happen; ends after the call is complete. One reader per call.</summary>
    public async IAsyncEnumerable<CallEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in _output.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    /// <summary>
    /// Abandons the call (client gone): stages stop; what was judged so far stays in <see cref="Judgement"/>. Rules
    /// that only the end of a call can decide (closing, hang-up order, fillers over the call) are not judged on a call
    /// that was cut off. Harmless after <see cref="CompleteAsync"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _abandoned = !_judging.IsCompleted;
        await _pipeline.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _judging.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The pipeline was stopped midway.
        }
    }

    private async Task JudgeAsync()
    {
        var end = TimeSpan.Zero;
        try
        {
            await foreach (var e in _pipeline.ReadEventsAsync().ConfigureAwait(false))
            {
                _events.Add(e);
                end = e.Span.End > end ? e.Span.End : end;
                _output.Writer.TryWrite(e);
                foreach (var v in _session.Accept(e))
                {
                    _updates.Add(v);
                    _output.Writer.TryWrite(v);
                }
            }

            if (!_abandoned)
            {
                var callEnd = _pipeline.Received > end ? _pipeline.Received : end;
                foreach (var v in _session.Complete(callEnd))
                {
                    _updates.Add(v);
                    _output.Writer.TryWrite(v);
                }
            }

            _output.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _output.Writer.TryComplete(e);
            throw;
        }
    }
}
