using CallMonitor.Contracts.V1;
using CallMonitor.Server.Audio;

namespace CallMonitor.Server.Limits;

/// <summary>
/// How far a call has reached on its own timeline, from the frames it sent: the audio received (interleaved chunks
/// advance every channel, a per-speaker chunk its speaker's channel) or, for text, the end of the latest transcript
/// segment, whichever is further. What the speed limit charges is how much a frame moves this forward.
/// </summary>
internal sealed class CallTimeline
{
    /// <summary>The longest a call may be; a segment end beyond it is counted as this.</summary>
    private const double MaxCallSeconds = 24 * 3600;

    private readonly WireAudioFormat _format;
    private readonly Dictionary<Speaker, long> _perSpeakerBytes = [];
    private long _interleavedBytes;
    private double _transcriptEnd;

    public CallTimeline(WireAudioFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        _format = format;
    }

    /// <summary>Seconds of call time reached so far.</summary>
    public double Position { get; private set; }

    /// <summary>Takes <paramref name="frame"/> into account; returns how many seconds it moved the call forward (0 or more).</summary>
    public double Advance(CallFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        double reached;
        switch (frame.FrameCase)
        {
            case CallFrame.FrameOneofCase.Audio when frame.Audio.Speaker == Speaker.Unspecified || _format.Layout.IsMono:
                _interleavedBytes += frame.Audio.Data.Length;
                reached = _interleavedBytes / (double)(_format.BytesPerSample * _format.Channels * _format.SampleRate);
                break;
            case CallFrame.FrameOneofCase.Audio:
                var bytes = _perSpeakerBytes.GetValueOrDefault(frame.Audio.Speaker) + frame.Audio.Data.Length;
                _perSpeakerBytes[frame.Audio.Speaker] = bytes;
                reached = bytes / (double)(_format.BytesPerSample * _format.SampleRate);
                break;
            case CallFrame.FrameOneofCase.Transcript when frame.Transcript.Span is { } span && double.IsFinite(span.End) && span.End > 0:
                _transcriptEnd = Math.Max(_transcriptEnd, Math.Min(span.End, MaxCallSeconds));
                reached = _transcriptEnd;
                break;
            default:
                return 0;
        }

        var before = Position;
        Position = Math.Max(Position, reached);
        return Position - before;
    }
}
