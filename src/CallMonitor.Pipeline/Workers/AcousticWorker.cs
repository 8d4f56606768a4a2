using System.Threading.Channels;
using CallMonitor.Acoustics.Session;
using CallMonitor.Domain.Events;

namespace CallMonitor.Pipeline.Workers;

/// <summary>The acoustic session of the call (every channel: segments, loudness, rate, silences, overlaps).</summary>
internal sealed class AcousticWorker : PipelineWorker
{
    private readonly AcousticSession _session;

    public AcousticWorker(int source, int capacity, ChannelWriter<WorkerReport> reports, AcousticSession session)
        : base(source, capacity, reports)
    {
        _session = session;
    }

    protected override TimeSpan Watermark => _session.DecidedUpTo;

    public override bool Wants(AudioBlock block) => true;

    protected override IReadOnlyList<CallEvent> Process(AudioBlock block)
    {
        _session.Push(block.Role, block.Samples);
        return _session.TakeEvents();
    }

    protected override IReadOnlyList<CallEvent> Finish()
    {
        _session.Complete();
        return _session.TakeEvents();
    }

    protected override void Release() => _session.Dispose();
}
