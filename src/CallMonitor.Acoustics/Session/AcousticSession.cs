using CallMonitor.Acoustics.Rate;
using CallMonitor.Acoustics.Timeline;
using CallMonitor.Acoustics.Tracking;
using CallMonitor.Acoustics.Vad;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Acoustics.Session;

/// <summary>
/// Acoustic analysis of one call as it happens: takes 16 kHz audio per channel (push), and hands out speech
/// segments, silences and overlaps on the call's audio timeline as soon as each is final. A recording is just
/// a call whose audio arrives faster than real time.
/// </summary>
public sealed class AcousticSession : IDisposable
{
    public const int SampleRate = 16000;

    private readonly ChannelActivityTracker[] _trackers;
    private readonly ConversationTimeline _timeline;
    private readonly List<CallEvent> _events = [];
    private float[] _scratch = [];
    private bool _completed;

    public AcousticSession(string callId, ChannelLayout layout, Func<SpeakerRole, IVoiceActivityDetector> createDetector, AcousticOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(createDetector);
        options ??= new AcousticOptions();
        CallId = callId;
        Layout = layout;
        var rate = new SyllableRateEstimator();
        _trackers = new ChannelActivityTracker[layout.Roles.Count];
        try
        {
            for (var i = 0; i < _trackers.Length; i++)
            {
                var detector = createDetector(layout.Roles[i]);
                if (detector.SampleRate != SampleRate)
                {
                    detector.Dispose();
                    throw new ArgumentException($"voice-activity detector '{detector.Name}' takes {detector.SampleRate} Hz; the session feeds {SampleRate} Hz");
                }

                _trackers[i] = new ChannelActivityTracker(callId, layout.Roles[i], detector, rate);
            }
        }
        catch
        {
            Dispose();
            throw;
        }

        _timeline = new ConversationTimeline(callId, options.Timeline);
    }

    public string CallId { get; }

    public ChannelLayout Layout { get; }

    /// <summary>Name of the voice-activity detector in use.</summary>
    public string DetectorName => _trackers[0].DetectorName;

    /// <summary>How far into the call the audio of every channel has arrived.</summary>
    public TimeSpan Position => AudioClock.ToTime(_trackers.Min(t => t.SamplesAccepted), SampleRate);

    /// <summary>
    /// How far the session has made up its mind: no speech segment ending before this point is still to come. Silences
    /// and overlaps are final a little later (a barge-in's pieces are joined first).
    /// </summary>
    public TimeSpan DecidedUpTo => AudioClock.ToTime(_trackers.Min(t => t.DecidedUpTo), SampleRate);

    /// <summary>Feeds one channel's next samples (16 kHz mono).</summary>
    public void Push(SpeakerRole role, ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        TrackerFor(role).Accept(samples);
        Drain();
    }

    /// <summary>Feeds interleaved 16 kHz frames of <paramref name="channels"/> channels; channels beyond the layout are ignored.</summary>
    public void PushInterleaved(ReadOnlySpan<float> interleaved, int channels)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (channels < _trackers.Length && !Layout.IsMono)
        {
            throw new ArgumentException($"the layout '{Layout}' needs {_trackers.Length} channels, got {channels}", nameof(channels));
        }

        var frames = interleaved.Length / channels;
        if (_scratch.Length < frames)
        {
            _scratch = new float[frames];
        }

        var mono = _scratch.AsSpan(0, frames);
        for (var c = 0; c < _trackers.Length; c++)
        {
            if (Layout.IsMono && channels > 1)
            {
                DownMix(interleaved, channels, mono);
            }
            else
            {
                for (var f = 0; f < frames; f++)
                {
                    mono[f] = interleaved[(f * channels) + c];
                }
            }

            _trackers[c].Accept(mono);
        }

        Drain();
    }

    /// <summary>The call's audio has ended: closes open segments and reports the trailing silence.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        foreach (var tracker in _trackers)
        {
            tracker.Complete();
        }

        Drain();
        _timeline.Complete(AudioClock.ToTime(_trackers.Max(t => t.SamplesAccepted), SampleRate));
        _events.AddRange(_timeline.TakeEvents());
        _completed = true;
    }

    /// <summary>Events that became final since the previous call.</summary>
    public IReadOnlyList<CallEvent> TakeEvents()
    {
        var events = _events.ToArray();
        _events.Clear();
        return events;
    }

    public void Dispose()
    {
        foreach (var tracker in _trackers)
        {
            tracker?.Dispose();
        }
    }

    private static void DownMix(ReadOnlySpan<float> interleaved, int channels, Span<float> mono)
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
    }

    private ChannelActivityTracker TrackerFor(SpeakerRole role) =>
        Array.Find(_trackers, t => t.Role == role)
        ?? throw new ArgumentException($"the call has no {role.ToWireName()} channel (layout '{Layout}')", nameof(role));

    private void Drain()
    {
        foreach (var tracker in _trackers)
        {
            foreach (var segment in tracker.TakeSegments())
            {
                _events.Add(segment);
                _timeline.Add(segment);
            }
        }

        var horizon = _trackers.Min(t => t.DecidedUpTo);
        _timeline.Advance(AudioClock.ToTime(horizon, SampleRate));
        _events.AddRange(_timeline.TakeEvents());
    }
}
