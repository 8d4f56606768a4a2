namespace CallMonitor.Acoustics.Tracking;

/// <summary>
/// The recent samples of one channel, addressed by absolute sample offset, so a speech region reported after
/// the fact can still be measured. Memory stays bounded: the owner discards what no region can need.
/// </summary>
internal sealed class SampleHistory
{
    private float[] _buffer = new float[16000 * 4];
    private int _count;

    /// <summary>Absolute offset of the first sample held.</summary>
    public long Start { get; private set; }

    public long End => Start + _count;

    public void Append(ReadOnlySpan<float> samples)
    {
        if (_count + samples.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + samples.Length));
        }

        samples.CopyTo(_buffer.AsSpan(_count));
        _count += samples.Length;
    }

    /// <summary>The samples of [start, end) that are still held (clamped to what is held).</summary>
    public ReadOnlySpan<float> Slice(long start, long end)
    {
        var from = (int)Math.Clamp(start - Start, 0, _count);
        var to = (int)Math.Clamp(end - Start, from, _count);
        return _buffer.AsSpan(from, to - from);
    }

    /// <summary>Forgets every sample before <paramref name="offset"/>.</summary>
    public void DiscardBefore(long offset)
    {
        var drop = (int)Math.Clamp(offset - Start, 0, _count);
        if (drop == 0)
        {
            return;
        }

        _buffer.AsSpan(drop, _count - drop).CopyTo(_buffer);
        _count -= drop;
        Start += drop;
    }
}
