using CallMonitor.Acoustics.Vad;

namespace CallMonitor.Acoustics.Tests.Tracking;

/// <summary>Test double for unit tests of the tracker: reports the regions it is given once their end has been fed.</summary>
internal sealed class ScriptedDetector(params SampleRange[] regions) : IVoiceActivityDetector
{
    private readonly Queue<SampleRange> _pending = new(regions);
    private readonly List<SampleRange> _ready = [];

    public string Name => "scripted";

    public int SampleRate => 16000;

    public long SamplesAccepted { get; private set; }

    public bool IsSpeechActive => _pending.TryPeek(out var next) && next.Start <= SamplesAccepted;

    public long DecidedUpTo => IsSpeechActive ? _pending.Peek().Start : SamplesAccepted;

    public void AcceptWaveform(ReadOnlySpan<float> samples)
    {
        SamplesAccepted += samples.Length;
        while (_pending.TryPeek(out var next) && next.End <= SamplesAccepted)
        {
            _ready.Add(_pending.Dequeue());
        }
    }

    public void Flush()
    {
    }

    public IReadOnlyList<SampleRange> TakeCompletedRegions()
    {
        var regions = _ready.ToArray();
        _ready.Clear();
        return regions;
    }

    public void Dispose()
    {
    }
}
