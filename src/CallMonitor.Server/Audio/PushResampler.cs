using CallMonitor.Audio.Conversion;

namespace CallMonitor.Server.Audio;

/// <summary>
/// Push-mode sample-rate conversion for a live stream (8 kHz telephone audio to the pipeline's 16 kHz): blocks go in
/// as they arrive, the output that they fully determine comes out at once. Uses the same band-limited filter as
/// <see cref="ResamplingSampleProvider"/>, so output sample <c>n</c> sits at input time <c>n * inRate / outRate</c>
/// and the whole output is the same whatever the block sizes. Holds back only the filter's half length (about
/// 6 ms at 8 kHz) until <see cref="Flush"/>. Not thread-safe: one per stream.
/// </summary>
public sealed class PushResampler
{
    private readonly PushSampleSource _source;
    private readonly ResamplingSampleProvider _resampler;
    private readonly int _inputRate;
    private readonly int _outputRate;
    private readonly int _halfTaps;
    private long _pushedFrames;
    private long _producedFrames;
    private bool _flushed;

    public PushResampler(int inputRate, int outputRate, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        _inputRate = inputRate;
        _outputRate = outputRate;
        Channels = channels;
        _source = new PushSampleSource(inputRate, channels);
        _resampler = new ResamplingSampleProvider(_source, outputRate);
        _halfTaps = _resampler.FilterLength / 2;
    }

    public int Channels { get; }

    /// <summary>Adds interleaved frames; returns the interleaved output frames now determined (possibly none).</summary>
    /// <exception cref="ArgumentException">Not a whole number of frames.</exception>
    /// <exception cref="InvalidOperationException">After <see cref="Flush"/>.</exception>
    public float[] Push(ReadOnlySpan<float> interleaved)
    {
        if (_flushed)
        {
            throw new InvalidOperationException("the stream was flushed; create a new resampler for new audio");
        }

        if (interleaved.Length % Channels != 0)
        {
            throw new ArgumentException($"{interleaved.Length} samples are not whole frames of {Channels} channels", nameof(interleaved));
        }

        if (_inputRate == _outputRate)
        {
            return interleaved.ToArray(); // nothing to convert
        }

        _source.Push(interleaved);
        _pushedFrames += interleaved.Length / Channels;

        // Output n reads input frames up to floor(n * in / out) + halfTaps: only those already pushed.
        var known = _pushedFrames - _halfTaps;
        var ready = known <= 0 ? 0 : CeilDiv(known * _outputRate, _inputRate);
        return Produce(ready);
    }

    /// <summary>The input has ended: returns the rest of the output (the input's last frames, filtered against silence).</summary>
    public float[] Flush()
    {
        if (_flushed)
        {
            return [];
        }

        _flushed = true;
        if (_inputRate == _outputRate)
        {
            return [];
        }

        _source.End();
        return Produce(CeilDiv(_pushedFrames * _outputRate, _inputRate));
    }

    private float[] Produce(long totalFrames)
    {
        var frames = (int)Math.Max(0, totalFrames - _producedFrames);
        if (frames == 0)
        {
            return [];
        }

        var output = new float[frames * Channels];
        var read = _resampler.Read(output);
        _producedFrames += read / Channels;
        return read == output.Length ? output : output[..read];
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
