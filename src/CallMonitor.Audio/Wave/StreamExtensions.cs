namespace CallMonitor.Audio.Wave;

internal static class StreamExtensions
{
    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the bytes read.</summary>
    public static int ReadAtMost(this Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <summary>
    /// Skips <paramref name="count"/> bytes by seeking (clamped to the end) or, for a pipe, by reading into a small
    /// reused buffer until the count or the end: a huge declared size costs neither memory nor a hang.
    /// </summary>
    /// <returns>Bytes actually skipped.</returns>
    public static long Skip(this Stream stream, long count)
    {
        if (count <= 0)
        {
            return 0;
        }

        if (stream.CanSeek)
        {
            long available = Math.Max(0, stream.Length - stream.Position);
            long step = Math.Min(count, available);
            stream.Seek(step, SeekOrigin.Current);
            return step;
        }

        Span<byte> sink = stackalloc byte[4096];
        long skipped = 0;
        while (skipped < count)
        {
            int read = stream.Read(sink[..(int)Math.Min(sink.Length, count - skipped)]);
            if (read == 0)
            {
                break;
            }

            skipped += read;
        }

        return skipped;
    }
}
