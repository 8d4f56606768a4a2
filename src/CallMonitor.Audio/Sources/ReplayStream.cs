namespace CallMonitor.Audio.Sources;

/// <summary>A read-only stream that first gives back bytes already peeked from a pipe, then the rest of the pipe.</summary>
internal sealed class ReplayStream : Stream
{
    private readonly Stream inner;
    private readonly byte[] prefix;
    private readonly bool leaveOpen;
    private int prefixRead;

    public ReplayStream(ReadOnlySpan<byte> prefix, Stream inner, bool leaveOpen)
    {
        this.prefix = prefix.ToArray();
        this.inner = inner;
        this.leaveOpen = leaveOpen;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        if (prefixRead < prefix.Length)
        {
            int count = Math.Min(buffer.Length, prefix.Length - prefixRead);
            prefix.AsSpan(prefixRead, count).CopyTo(buffer);
            prefixRead += count;
            return count;
        }

        return inner.Read(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
