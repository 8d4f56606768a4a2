using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Providers;

namespace CallMonitor.Server.Audio;

/// <summary>
/// Samples pushed by the caller, read by a pull-based converter. Returns 0 only after <see cref="End"/>; the owner
/// never asks for more than it has pushed before that (see <see cref="PushResampler"/>).
/// </summary>
internal sealed class PushSampleSource : ISampleProvider
{
    private float[] _buffer = new float[4096];
    private int _start;
    private int _count;
    private bool _ended;

    public PushSampleSource(int sampleRate, int channels)
    {
        WaveFormat = WaveFormat.IeeeFloat(sampleRate, channels);
    }

    public WaveFormat WaveFormat { get; }

    public void Push(ReadOnlySpan<float> interleaved)
    {
        if (_start + _count + interleaved.Length > _buffer.Length)
        {
            var target = _count + interleaved.Length > _buffer.Length ? new float[Math.Max(_buffer.Length * 2, _count + interleaved.Length)] : _buffer;
            Array.Copy(_buffer, _start, target, 0, _count);
            _buffer = target;
            _start = 0;
        }

        interleaved.CopyTo(_buffer.AsSpan(_start + _count));
        _count += interleaved.Length;
    }

    public void End() => _ended = true;

    public int Read(Span<float> buffer)
    {
        var channels = WaveFormat.Channels;
        var n = Math.Min(buffer.Length, _count);
        n -= n % channels;
        if (n == 0 && !_ended && buffer.Length >= channels)
        {
            throw new InvalidOperationException("the resampler asked for samples that have not arrived yet");
        }

        _buffer.AsSpan(_start, n).CopyTo(buffer);
        _start += n;
        _count -= n;
        return n;
    }
}
