using System.Threading.Channels;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Speech.Engines;

namespace CallMonitor.Pipeline.Workers;

/// <summary>One speech engine on one channel of the call.</summary>
internal sealed class RecognizerWorker : PipelineWorker
{
    private readonly IChannelRecognizer _recognizer;
    private long _samples;

    public RecognizerWorker(int source, int capacity, ChannelWriter<WorkerReport> reports, string engine, SpeakerRole role, IChannelRecognizer recognizer)
        : base(source, capacity, reports)
    {
        Engine = engine;
        Role = role;
        _recognizer = recognizer;
    }

    public string Engine { get; }

    public SpeakerRole Role { get; }

    protected override TimeSpan Watermark => AudioClock.ToTime(_samples, Sessions.CallPipeline.SampleRate);

    public override bool Wants(AudioBlock block) => block.Role == Role;

    protected override IReadOnlyList<CallEvent> Process(AudioBlock block)
    {
        _recognizer.Accept(block.Samples);
        _samples += block.Samples.Length;
        return _recognizer.TakeEvents();
    }

    protected override IReadOnlyList<CallEvent> Finish()
    {
        _recognizer.Complete();
        return _recognizer.TakeEvents();
    }

    protected override void Release() => _recognizer.Dispose();
}
