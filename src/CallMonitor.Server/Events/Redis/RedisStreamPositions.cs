using System.Globalization;

namespace CallMonitor.Server.Events.Redis;

/// <summary>
/// Redis stream ids ("milliseconds-sequence") as the int64 positions of the wire contract: milliseconds × 2^20 +
/// sequence. The mapping is one-to-one and keeps order, so a position sent by any node resumes on any other node.
/// </summary>
public static class RedisStreamPositions
{
    private const int SequenceBits = 20;
    private const long SequenceLimit = 1L << SequenceBits;

    /// <summary>The position of stream id <paramref name="streamId"/>.</summary>
    /// <exception cref="FormatException">Not a stream id this mapping can hold.</exception>
    public static long ToPosition(string streamId)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        var dash = streamId.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !long.TryParse(streamId.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || !long.TryParse(streamId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence >= SequenceLimit
            || milliseconds > long.MaxValue >> SequenceBits)
        {
            throw new FormatException($"'{streamId}' is not a Redis stream id CallMonitor can use as a position (milliseconds-sequence, sequence below {SequenceLimit})");
        }

        return (milliseconds << SequenceBits) | sequence;
    }

    /// <summary>The stream id of <paramref name="position"/> (positive).</summary>
    public static string ToStreamId(long position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{position >> SequenceBits}-{position & (SequenceLimit - 1)}");
    }

    /// <summary>When the event at <paramref name="position"/> was appended (Redis's clock).</summary>
    public static DateTimeOffset AppendedAt(long position) => DateTimeOffset.FromUnixTimeMilliseconds(position >> SequenceBits);
}
