using CallMonitor.Audio.Providers;

namespace CallMonitor.Audio.Conversion;

/// <summary>
/// Reads interleaved float frames from an <see cref="ISampleProvider"/> in blocks and hands out each channel on
/// its own (a stereo call: agent on one side, customer on the other). Blocks are full except the last.
/// </summary>
public sealed class ChannelSplitter
{
    private readonly ISampleProvider source;
    private readonly float[] interleaved;
    private readonly float[][] channelBuffers;
    private int blockFrames;

    public ChannelSplitter(ISampleProvider source, int framesPerBlock)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerBlock);
        this.source = source;
        FramesPerBlock = framesPerBlock;
        Channels = source.WaveFormat.Channels;
        interleaved = new float[framesPerBlock * Channels];
        channelBuffers = new float[Channels][];
        for (int c = 0; c < Channels; c++)
        {
            channelBuffers[c] = new float[framesPerBlock];
        }
    }

    public int Channels { get; }

    public int SampleRate => source.WaveFormat.SampleRate;

    public int FramesPerBlock { get; }

    /// <summary>Frames handed out so far, i.e. the audio-timeline position (in samples) of the next block.</summary>
    public long FramesRead { get; private set; }

    /// <summary>Reads the next block; afterwards <see cref="GetChannel"/> gives each channel's samples.</summary>
    /// <returns>Frames in the block: <see cref="FramesPerBlock"/> except at the end; 0 once the source is done.</returns>
    public int ReadBlock()
    {
        int filled = 0;
        int wanted = interleaved.Length;
        while (filled < wanted)
        {
            int read = source.Read(interleaved.AsSpan(filled, wanted - filled));
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        blockFrames = filled / Channels;
        for (int c = 0; c < Channels; c++)
        {
            float[] target = channelBuffers[c];
            for (int f = 0; f < blockFrames; f++)
            {
                target[f] = interleaved[(f * Channels) + c];
            }
        }

        FramesRead += blockFrames;
        return blockFrames;
    }

    /// <summary>The samples of <paramref name="channel"/> in the last block read; valid until the next read.</summary>
    public ReadOnlySpan<float> GetChannel(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Channels);
        return channelBuffers[channel].AsSpan(0, blockFrames);
    }

    /// <summary>Reads block after block, each as freshly allocated arrays (one per channel) the caller may keep.</summary>
    public IEnumerable<float[][]> ReadBlocks()
    {
        while (ReadBlock() > 0)
        {
            var block = new float[Channels][];
            for (int c = 0; c < Channels; c++)
            {
                block[c] = GetChannel(c).ToArray();
            }

            yield return block;
        }
    }
}
