using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CallMonitor.Acoustics.Session;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Errors;
using CallMonitor.Domain.Events;
using CallMonitor.Pipeline.Engines;
using CallMonitor.Pipeline.Merging;
using CallMonitor.Pipeline.Workers;

namespace CallMonitor.Pipeline.Sessions;

/// <summary>
/// One call's analysis as it happens: 16 kHz audio in (interleaved or per channel, at any pace), one stream of timed
/// events out — speech segments, silences and overlaps from the acoustic session, provisional and final text and
/// keyword hits from every speech engine on every channel, and any events supplied from outside (a transcript, the
/// hang-up) — merged in audio-time order (see <see cref="EventMerger"/>). Every engine on every channel runs on its
/// own task behind a bounded queue; writers wait when a queue is full, so audio is never dropped, and the wait is the
/// back-pressure a live caller sees as <see cref="Backlog"/>. An engine that fails is reported in
/// <see cref="Engines"/> and the call goes on without it. A recording is a call whose audio arrives fast.
/// </summary>
public sealed class CallPipeline : IAsyncDisposable
{
    public const int SampleRate = AcousticSession.SampleRate;

    private readonly CallPipelineOptions _options;
    private readonly List<PipelineWorker> _workers = [];
    private readonly AcousticWorker? _acoustic;
    private readonly Dictionary<string, string> _unavailable = new(StringComparer.Ordinal);
    private readonly Channel<WorkerReport> _reports = Channel.CreateUnbounded<WorkerReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<CallEvent> _output = Channel.CreateUnbounded<CallEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly EventMerger _merger = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly long[] _written;
    private readonly Task _mergeLoop;
    private bool _completing;

    private CallPipeline(CallPipelineOptions options)
    {
        _options = options;
        _written = new long[options.Layout.Roles.Count];
        if (options.Detectors is { } detectors)
        {
            var session = new AcousticSession(options.CallId, options.Layout, _ => detectors.Create(), options.Acoustics);
            _acoustic = new AcousticWorker(_merger.AddSource(), options.QueueCapacity, _reports.Writer, session);
            _workers.Add(_acoustic);
        }

        foreach (var engine in options.Engines)
        {
            foreach (var role in options.Layout.Roles)
            {
                try
                {
                    var recognizer = engine.CreateRecognizer(options.CallId, role);
                    _workers.Add(new RecognizerWorker(_merger.AddSource(), options.QueueCapacity, _reports.Writer, engine.Name, role, recognizer));
                }
                catch (EngineUnavailableException e)
                {
                    _unavailable.TryAdd(engine.Name, $"{role.ToWireName()} channel: {e.Message}");
                }
            }
        }

        foreach (var worker in _workers)
        {
            worker.Start(_stop.Token);
        }

        _mergeLoop = Task.Run(MergeAsync, CancellationToken.None);
    }

    public string CallId => _options.CallId;

    public ChannelLayout Layout => _options.Layout;

    /// <summary>Audio received so far (the channel that has received least).</summary>
    public TimeSpan Received => TimeSpan.FromSeconds(_written.Min() / (double)SampleRate);

    /// <summary>Audio received but not yet analysed by the slowest stage (what a live caller is behind).</summary>
    public TimeSpan Backlog
    {
        get
        {
            long worst = 0;
            foreach (var worker in _workers)
            {
                var waiting = worker.SamplesWaiting / (worker == _acoustic ? _written.Length : 1);
                worst = Math.Max(worst, waiting);
            }

            return TimeSpan.FromSeconds(worst / (double)SampleRate);
        }
    }

    /// <summary>Events that arrived after the merged stream had moved past them (released at once, out of order).</summary>
    public int LateEvents => _merger.LateEvents;

    /// <summary>Starts the pipeline; engines that cannot make a recognizer are reported in <see cref="Engines"/>.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public static CallPipeline Start(CallPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new CallPipeline(options);
    }

    /// <summary>How each engine is doing (final after <see cref="CompleteAsync"/>).</summary>
    public IReadOnlyList<EngineStatus> Engines()
    {
        var statuses = new List<EngineStatus>();
        if (_acoustic is not null)
        {
            statuses.Add(Status("vad", _options.Detectors!.DetectorName, [_acoustic], null));
        }

        foreach (var engine in _options.Engines)
        {
            var workers = _workers.OfType<RecognizerWorker>().Where(w => w.Engine == engine.Name).ToArray<PipelineWorker>();
            statuses.Add(Status(engine.Name, engine.Description, workers, _unavailable.GetValueOrDefault(engine.Name)));
        }

        return statuses;
    }

    /// <summary>Feeds interleaved 16 kHz frames; channels map to <see cref="Layout"/> roles in order (a mono layout mixes them).</summary>
    /// <exception cref="ArgumentException">Fewer channels than the layout has roles, or a partial frame.</exception>
    public async ValueTask WriteInterleavedAsync(ReadOnlyMemory<float> interleaved, int channels, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if (!Layout.IsMono && channels < Layout.Roles.Count)
        {
            throw new ArgumentException($"the layout '{Layout}' needs {Layout.Roles.Count} channels, got {channels}", nameof(channels));
        }

        if (interleaved.Length % channels != 0)
        {
            throw new ArgumentException($"{interleaved.Length} samples are not whole frames of {channels} channels", nameof(interleaved));
        }

        var frames = interleaved.Length / channels;
        for (var r = 0; r < Layout.Roles.Count; r++)
        {
            var mono = new float[frames];
            Deinterleave(interleaved.Span, channels, r, mono);
            await WriteAsync(Layout.Roles[r], mono, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Feeds the next 16 kHz samples of one channel.</summary>
    /// <exception cref="ArgumentException">The layout has no such role.</exception>
    public async ValueTask WriteAsync(SpeakerRole role, ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completing, this);
        var index = IndexOf(role);
        var block = new AudioBlock(role, samples.ToArray());
        foreach (var worker in _workers)
        {
            if (worker.Wants(block))
            {
                await worker.EnqueueAsync(block, cancellationToken).ConfigureAwait(false);
            }
        }

        _written[index] += samples.Length;
    }

    /// <summary>Adds events that come from outside the audio (a supplied transcript, the hang-up).</summary>
    public ValueTask AddEventsAsync(IEnumerable<CallEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ObjectDisposedException.ThrowIf(_completing, this);
        return _reports.Writer.WriteAsync(new WorkerReport(-1, [.. events], TimeSpan.Zero, false), cancellationToken);
    }

    /// <summary>The call's audio has ended: every stage flushes, and the event stream ends after the last event.</summary>
    public async Task CompleteAsync()
    {
        if (_completing)
        {
            await _mergeLoop.ConfigureAwait(false);
            return;
        }

        _completing = true;
        foreach (var worker in _workers)
        {
            worker.CompleteInput();
        }

        await Task.WhenAll(_workers.Select(w => w.Completion)).ConfigureAwait(false);
        _reports.Writer.TryComplete();
        await _mergeLoop.ConfigureAwait(false);
    }

    /// <summary>The merged events; the sequence ends when the call is complete. One reader per pipeline.</summary>
    public async IAsyncEnumerable<CallEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in _output.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    /// <summary>Stops every stage (a call abandoned midway); events already merged stay readable.</summary>
    public async ValueTask DisposeAsync()
    {
        _completing = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var worker in _workers)
        {
            worker.CompleteInput();
        }

        try
        {
            await Task.WhenAll(_workers.Select(w => w.Completion)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Abandoned: the stages stopped where they were.
        }

        _reports.Writer.TryComplete();
        await _mergeLoop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private static EngineStatus Status(string name, string description, PipelineWorker[] workers, string? unavailable)
    {
        if (unavailable is not null)
        {
            return new EngineStatus(name, description, workers.Length == 0 ? EngineState.Unavailable : EngineState.Failed, unavailable);
        }

        var failed = workers.FirstOrDefault(w => w.Failure is not null);
        if (failed is null)
        {
            return new EngineStatus(name, description, EngineState.Ok);
        }

        var where = failed is RecognizerWorker r ? $"{r.Role.ToWireName()} channel: " : string.Empty;
        return new EngineStatus(name, description, EngineState.Failed, where + failed.Failure!.Message);
    }

    private void Deinterleave(ReadOnlySpan<float> interleaved, int channels, int role, Span<float> mono)
    {
        if (Layout.IsMono)
        {
            for (var f = 0; f < mono.Length; f++)
            {
                float sum = 0;
                for (var c = 0; c < channels; c++)
                {
                    sum += interleaved[(f * channels) + c];
                }

                mono[f] = sum / channels;
            }

            return;
        }

        for (var f = 0; f < mono.Length; f++)
        {
            mono[f] = interleaved[(f * channels) + role];
        }
    }

    private int IndexOf(SpeakerRole role)
    {
        for (var i = 0; i < Layout.Roles.Count; i++)
        {
            if (Layout.Roles[i] == role)
            {
                return i;
            }
        }

        throw new ArgumentException($"the call has no {role.ToWireName()} channel (layout '{Layout}')", nameof(role));
    }

    private async Task MergeAsync()
    {
        try
        {
            await foreach (var report in _reports.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                // Events first: they were produced before the source moved its watermark past them.
                _merger.Add(report.Events);
                if (report.Source >= 0)
                {
                    if (report.Closed)
                    {
                        _merger.Close(report.Source);
                    }
                    else
                    {
                        _merger.Advance(report.Source, report.Watermark);
                    }
                }

                foreach (var e in _merger.TakeReady())
                {
                    _output.Writer.TryWrite(e);
                }
            }

            foreach (var e in _merger.TakeAll())
            {
                _output.Writer.TryWrite(e);
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
