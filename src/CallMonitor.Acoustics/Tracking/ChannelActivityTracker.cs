using CallMonitor.Acoustics.Rate;
using CallMonitor.Acoustics.Vad;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Acoustics.Tracking;

/// <summary>
/// Follows one channel of a call: runs voice-activity detection on its 16 kHz samples and turns each finished
/// speech region into a <see cref="SpeechSegmentDetected"/> with its loudness and speaking rate.
/// Works push-style so the same code serves a recording and a live stream.
/// </summary>
public sealed class ChannelActivityTracker : IDisposable
{
    private readonly IVoiceActivityDetector _vad;
    private readonly SyllableRateEstimator _rate;
    private readonly SampleHistory _history = new();
    private readonly List<SpeechSegmentDetected> _ready = [];
    private readonly long _keepSamples;
    private readonly long _maxOnsetShift;
    private long _lastRegionEnd;

    public ChannelActivityTracker(string callId, SpeakerRole role, IVoiceActivityDetector vad, SyllableRateEstimator rate)
    {
        ArgumentNullException.ThrowIfNull(vad);
        ArgumentNullException.ThrowIfNull(rate);
        CallId = callId;
        Role = role;
        _vad = vad;
        _rate = rate;
        _maxOnsetShift = (long)(OnsetRefiner.MaxShift.TotalSeconds * vad.SampleRate);
        _keepSamples = (vad.SampleRate * 2L) + _maxOnsetShift; // detectors report a region at most ~1 s after its audio
    }

    public string CallId { get; }

    public SpeakerRole Role { get; }

    public int SampleRate => _vad.SampleRate;

    public string DetectorName => _vad.Name;

    public long SamplesAccepted => _vad.SamplesAccepted;

    public bool IsSpeechActive => _vad.IsSpeechActive;

    /// <summary>No segment not yet handed out can start before this offset (in samples).</summary>
    public long DecidedUpTo => Math.Max(_lastRegionEnd, _vad.DecidedUpTo - _maxOnsetShift);

    public void Accept(ReadOnlySpan<float> samples)
    {
        _history.Append(samples);
        _vad.AcceptWaveform(samples);
        Collect();
    }

    /// <summary>The channel has ended: closes an open region.</summary>
    public void Complete()
    {
        _vad.Flush();
        Collect();
    }

    /// <summary>Segments finished since the previous call, in time order.</summary>
    public IReadOnlyList<SpeechSegmentDetected> TakeSegments()
    {
        var segments = _ready.ToArray();
        _ready.Clear();
        return segments;
    }

    public void Dispose() => _vad.Dispose();

    private void Collect()
    {
        foreach (var region in _vad.TakeCompletedRegions())
        {
            var start = OnsetRefiner.RefineStart(_history, region.Start, region.End, _lastRegionEnd, SampleRate);
            _lastRegionEnd = region.End;
            var samples = _history.Slice(start, region.End);
            var span = AudioInterval.FromSamples(start, region.End, SampleRate);
            _ready.Add(new SpeechSegmentDetected(CallId, Role, span, LoudnessMeter.Measure(samples), _rate.Estimate(samples)));
        }

        var keepFrom = _vad.IsSpeechActive ? _vad.DecidedUpTo - _maxOnsetShift : _history.End - _keepSamples;
        _history.DiscardBefore(Math.Min(keepFrom, _history.End - _keepSamples));
    }
}
