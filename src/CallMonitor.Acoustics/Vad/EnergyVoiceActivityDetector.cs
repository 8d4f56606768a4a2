namespace CallMonitor.Acoustics.Vad;

/// <summary>
/// Fallback detector when the Silero model is not installed: short-time energy against an adaptive noise floor,
/// with hysteresis. Good on clean telephone audio with steady line noise; it cannot tell speech from loud
/// non-speech (music on hold, tones), which Silero can.
/// </summary>
public sealed class EnergyVoiceActivityDetector : IVoiceActivityDetector
{
    private const int FrameSamples = 160; // 10 ms at 16 kHz
    private const double OnMarginDb = 12;
    private const double OffMarginDb = 7;
    private const double AbsoluteFloorDb = -52;
    private const int OnsetFrames = 3;
    private const int BacktrackFrames = 8;

    private readonly VadOptions _options;
    private readonly float[] _frame = new float[FrameSamples];
    private readonly List<SampleRange> _completed = [];
    private readonly NoiseFloorTracker _noise = new();
    private readonly Queue<double> _recentLevels = new();
    private int _frameFill;
    private long _frameIndex;
    private long _regionStartFrame = -1;
    private long _lastLoudFrame = -1;
    private int _loudRun;

    public EnergyVoiceActivityDetector(VadOptions? options = null)
    {
        _options = options ?? new VadOptions();
        _options.Validate();
    }

    public string Name => "energy";

    public int SampleRate => 16000;

    public long SamplesAccepted { get; private set; }

    public bool IsSpeechActive => _regionStartFrame >= 0;

    public long DecidedUpTo => IsSpeechActive
        ? _regionStartFrame * FrameSamples
        : Math.Max(0, Math.Min(SamplesAccepted, (_frameIndex - OnsetFrames - BacktrackFrames) * FrameSamples));

    private long MinSilenceFrames => Math.Max(1, (long)(_options.MinSilence.TotalSeconds * 100));

    private long MinSpeechFrames => Math.Max(1, (long)(_options.MinSpeech.TotalSeconds * 100));

    private long MaxSpeechFrames => (long)(_options.MaxSpeech.TotalSeconds * 100);

    public void AcceptWaveform(ReadOnlySpan<float> samples)
    {
        SamplesAccepted += samples.Length;
        while (!samples.IsEmpty)
        {
            var take = Math.Min(FrameSamples - _frameFill, samples.Length);
            samples[..take].CopyTo(_frame.AsSpan(_frameFill));
            _frameFill += take;
            samples = samples[take..];
            if (_frameFill == FrameSamples)
            {
                ProcessFrame(LevelDb(_frame));
                _frameFill = 0;
            }
        }
    }

    public void Flush()
    {
        if (IsSpeechActive)
        {
            CloseRegion(_lastLoudFrame + 1);
        }
    }

    public IReadOnlyList<SampleRange> TakeCompletedRegions()
    {
        var regions = _completed.ToArray();
        _completed.Clear();
        return regions;
    }

    public void Dispose()
    {
    }

    private static double LevelDb(ReadOnlySpan<float> frame)
    {
        double sum = 0;
        foreach (var s in frame)
        {
            sum += s * (double)s;
        }

        return 10 * Math.Log10((sum / frame.Length) + 1e-12);
    }

    private void ProcessFrame(double level)
    {
        var floor = _noise.Update(level, IsSpeechActive);
        var on = Math.Max(floor + OnMarginDb, AbsoluteFloorDb);
        var off = Math.Max(floor + OffMarginDb, AbsoluteFloorDb - (OnMarginDb - OffMarginDb));

        _recentLevels.Enqueue(level);
        if (_recentLevels.Count > BacktrackFrames + OnsetFrames)
        {
            _recentLevels.Dequeue();
        }

        if (IsSpeechActive)
        {
            if (level >= off)
            {
                _lastLoudFrame = _frameIndex;
            }
            else if (_frameIndex - _lastLoudFrame >= MinSilenceFrames)
            {
                CloseRegion(_lastLoudFrame + 1);
            }

            if (IsSpeechActive && _frameIndex + 1 - _regionStartFrame >= MaxSpeechFrames)
            {
                CloseRegion(_frameIndex + 1);
                _regionStartFrame = _frameIndex + 1;
                _lastLoudFrame = _frameIndex;
            }
        }
        else
        {
            _loudRun = level >= on ? _loudRun + 1 : 0;
            if (_loudRun >= OnsetFrames)
            {
                // Walk back over the quieter attack of the first syllable (frames still above the off level).
                var start = _frameIndex - OnsetFrames + 1;
                var history = _recentLevels.ToArray();
                for (var i = history.Length - OnsetFrames - 1; i >= 0 && history[i] >= off; i--)
                {
                    start--;
                }

                _regionStartFrame = Math.Max(0, start);
                _lastLoudFrame = _frameIndex;
                _loudRun = 0;
            }
        }

        _frameIndex++;
    }

    private void CloseRegion(long endFrame)
    {
        if (endFrame - _regionStartFrame >= MinSpeechFrames)
        {
            _completed.Add(new SampleRange(_regionStartFrame * FrameSamples, Math.Min(SamplesAccepted, endFrame * FrameSamples)));
        }

        _regionStartFrame = -1;
    }
}
