using System.Buffers.Binary;
using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Providers;
using CallMonitor.Audio.Sources;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Contracts.V1;
using CallMonitor.Domain.Calls;

namespace CallMonitor.Cli.Client;

/// <summary>
/// A recording (any format <see cref="AudioSource"/> opens) cut into PCM16 chunks for the wire, at the file's own
/// rate (rates outside the service's 8-48 kHz are resampled to 16 kHz). A stereo layout sends channels 0 and 1 with
/// their roles; a mono layout sends one channel, the mean of all the file's channels.
/// </summary>
public sealed class PcmChunkReader : IDisposable
{
    private const int MinRate = 8000;
    private const int MaxRate = 48000;
    private const int FallbackRate = 16000;

    private readonly AudioReader _reader;
    private readonly ISampleProvider _samples;
    private readonly int _sourceChannels;

    private PcmChunkReader(AudioReader reader, ChannelLayout layout)
    {
        _reader = reader;
        Layout = layout;
        ISampleProvider samples = reader.ToSampleProvider();
        if (samples.WaveFormat.SampleRate is < MinRate or > MaxRate)
        {
            samples = samples.ToSampleRate(FallbackRate);
        }

        _samples = samples;
        _sourceChannels = samples.WaveFormat.Channels;
        SampleRate = samples.WaveFormat.SampleRate;
        Channels = layout.IsMono ? 1 : layout.Roles.Count;
    }

    public ChannelLayout Layout { get; }

    /// <summary>Sample rate of the chunks.</summary>
    public int SampleRate { get; }

    /// <summary>Channels of the chunks: 1 (mixed) or 2.</summary>
    public int Channels { get; }

    /// <summary>What the file holds, for messages.</summary>
    public string SourceDescription => $"{_reader.SourceName} ({_reader.WaveFormat})";

    /// <summary>Opens <paramref name="path"/>; <paramref name="layout"/> null picks mono for one channel, agent,customer otherwise.</summary>
    /// <exception cref="UsageException">A stereo layout asked of a one-channel recording.</exception>
    public static PcmChunkReader Open(string path, ChannelLayout? layout, WaveFormat? rawFormat)
    {
        var reader = AudioSource.Open(path, new AudioOpenOptions { RawFormat = rawFormat });
        try
        {
            var channels = reader.WaveFormat.Channels;
            var chosen = layout ?? (channels == 1 ? ChannelLayout.Mono : ChannelLayout.AgentCustomer);
            if (!chosen.IsMono && channels < chosen.Roles.Count)
            {
                throw new UsageException($"{reader.SourceName}: --channels {chosen} needs a stereo recording but the audio has {channels} channel; use --channels mono");
            }

            return new PcmChunkReader(reader, chosen);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The format to announce in CallStart.</summary>
    public AudioFormat WireFormat()
    {
        var format = new AudioFormat { Encoding = AudioEncoding.Pcm16, SampleRate = SampleRate, Channels = Channels };
        format.ChannelRoles.AddRange(Layout.IsMono ? [Speaker.Mixed] : Layout.Roles.Select(ToWire));
        return format;
    }

    /// <summary>The audio front to back in chunks of <paramref name="length"/> (the last may be shorter).</summary>
    public IEnumerable<PcmChunk> ReadChunks(TimeSpan length)
    {
        var frames = Math.Max(1, (int)Math.Round(length.TotalSeconds * SampleRate));
        var input = new float[frames * _sourceChannels];
        long done = 0;
        while (true)
        {
            var filled = Fill(input);
            if (filled == 0)
            {
                yield break;
            }

            var count = filled / _sourceChannels;
            var chunk = new PcmChunk(Encode(input.AsSpan(0, count * _sourceChannels), count), Time(done), Time(done + count));
            done += count;
            yield return chunk;
        }
    }

    public void Dispose() => _reader.Dispose();

    private static Speaker ToWire(SpeakerRole role) => role switch
    {
        SpeakerRole.Agent => Speaker.Agent,
        SpeakerRole.Customer => Speaker.Customer,
        _ => Speaker.Mixed,
    };

    private static short ToPcm16(float sample) => (short)Math.Clamp(MathF.Round(sample * 32768f), short.MinValue, short.MaxValue);

    private TimeSpan Time(long frames) => TimeSpan.FromSeconds(frames / (double)SampleRate);

    /// <summary>Reads until <paramref name="buffer"/> is full or the audio ends; returns whole frames' samples.</summary>
    private int Fill(float[] buffer)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = _samples.Read(buffer.AsSpan(total))) > 0)
        {
            total += read;
        }

        return total - (total % _sourceChannels);
    }

    private byte[] Encode(ReadOnlySpan<float> interleaved, int frames)
    {
        var bytes = new byte[frames * Channels * 2];
        var output = bytes.AsSpan();
        for (var f = 0; f < frames; f++)
        {
            var frame = interleaved.Slice(f * _sourceChannels, _sourceChannels);
            if (Channels == 1)
            {
                float sum = 0;
                foreach (var sample in frame)
                {
                    sum += sample;
                }

                BinaryPrimitives.WriteInt16LittleEndian(output[(2 * f)..], ToPcm16(sum / _sourceChannels));
            }
            else
            {
                BinaryPrimitives.WriteInt16LittleEndian(output[(4 * f)..], ToPcm16(frame[0]));
                BinaryPrimitives.WriteInt16LittleEndian(output[((4 * f) + 2)..], ToPcm16(frame[1]));
            }
        }

        return bytes;
    }
}
