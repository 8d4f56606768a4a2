using System.Threading.Channels;
using CallMonitor.Domain.Events;

namespace CallMonitor.Pipeline.Workers;

/// <summary>
/// One stage of a call's pipeline on its own task: audio blocks in through a bounded queue (the writer waits when it
/// is full, so audio is never dropped), events out to the merge loop. A stage that throws is marked failed and from
/// then on drains its queue without work, so the call and the other stages go on.
/// </summary>
internal abstract class PipelineWorker
{
    private readonly Channel<AudioBlock> _input;
    private readonly ChannelWriter<WorkerReport> _reports;
    private long _samplesDone;
    private long _samplesQueued;

    protected PipelineWorker(int source, int capacity, ChannelWriter<WorkerReport> reports)
    {
        Source = source;
        _reports = reports;
        _input = Channel.CreateBounded<AudioBlock>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public int Source { get; }

    /// <summary>The first error, when the stage failed.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Samples (per channel it listens to) fully processed.</summary>
    public long SamplesDone => Interlocked.Read(ref _samplesDone);

    /// <summary>Samples handed to this stage and not yet processed.</summary>
    public long SamplesWaiting => Interlocked.Read(ref _samplesQueued) - SamplesDone;

    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Queues a block, waiting while the queue is full.</summary>
    public ValueTask EnqueueAsync(AudioBlock block, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _samplesQueued, block.Samples.Length);
        return _input.Writer.WriteAsync(block, cancellationToken);
    }

    /// <summary>No more audio.</summary>
    public void CompleteInput() => _input.Writer.TryComplete();

    /// <summary>Whether this stage wants blocks of <paramref name="block"/>'s channel.</summary>
    public abstract bool Wants(AudioBlock block);

    public void Start(CancellationToken cancellationToken) =>
        Completion = Task.Run(() => RunAsync(cancellationToken), CancellationToken.None);

    protected abstract IReadOnlyList<CallEvent> Process(AudioBlock block);

    /// <summary>The audio time up to which no event of this stage is still to come (as far as it can tell).</summary>
    protected abstract TimeSpan Watermark { get; }

    /// <summary>The audio has ended: flush.</summary>
    protected abstract IReadOnlyList<CallEvent> Finish();

    protected abstract void Release();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var block in _input.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (Failure is null)
                {
                    try
                    {
                        var events = Process(block);
                        Interlocked.Add(ref _samplesDone, block.Samples.Length);
                        await _reports.WriteAsync(new WorkerReport(Source, events, Watermark, false), cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        await FailAsync(e, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    Interlocked.Add(ref _samplesDone, block.Samples.Length);
                }
            }

            if (Failure is null)
            {
                try
                {
                    var events = Finish();
                    await _reports.WriteAsync(new WorkerReport(Source, events, TimeSpan.MaxValue, true), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await FailAsync(e, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Release();
        }
    }

    private async Task FailAsync(Exception e, CancellationToken cancellationToken)
    {
        Failure = e;
        await _reports.WriteAsync(new WorkerReport(Source, [], TimeSpan.MaxValue, true), cancellationToken).ConfigureAwait(false);
    }
}
