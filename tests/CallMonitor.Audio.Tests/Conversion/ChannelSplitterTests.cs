using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Tests.Support;

namespace CallMonitor.Audio.Tests.Conversion;

public class ChannelSplitterTests
{
    [Test]
    public void ReadBlock_StereoFrames_SeparatesChannelsInOrder()
    {
        // Left counts up, right counts down: any interleaving mistake shows.
        float[] interleaved = Enumerable.Range(0, 10).SelectMany(i => new[] { i / 10f, -i / 10f }).ToArray();
        var splitter = new ChannelSplitter(new ArraySampleProvider(interleaved, 8000, 2), framesPerBlock: 4);

        var left = new List<float>();
        var right = new List<float>();
        var sizes = new List<int>();
        int frames;
        while ((frames = splitter.ReadBlock()) > 0)
        {
            sizes.Add(frames);
            left.AddRange(splitter.GetChannel(0).ToArray());
            right.AddRange(splitter.GetChannel(1).ToArray());
        }

        Assert.Multiple(() =>
        {
            Assert.That(sizes, Is.EqualTo(new[] { 4, 4, 2 }));
            Assert.That(left, Is.EqualTo(Enumerable.Range(0, 10).Select(i => i / 10f)));
            Assert.That(right, Is.EqualTo(Enumerable.Range(0, 10).Select(i => -i / 10f)));
            Assert.That(splitter.FramesRead, Is.EqualTo(10));
        });
    }

    [Test]
    public void ReadBlocks_SourceGivingShortReads_StillHandsOutFullBlocks()
    {
        float[] samples = Enumerable.Range(0, 9).Select(i => (float)i).ToArray();
        var splitter = new ChannelSplitter(new ShortReads(new ArraySampleProvider(samples, 8000, 1)), framesPerBlock: 4);
        float[][][] blocks = splitter.ReadBlocks().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(blocks.Select(b => b[0].Length), Is.EqualTo(new[] { 4, 4, 1 }));
            Assert.That(blocks.SelectMany(b => b[0]), Is.EqualTo(samples));
        });
    }

    [Test]
    public void GetChannel_IndexOutOfRange_Throws()
    {
        var splitter = new ChannelSplitter(new ArraySampleProvider(new float[4], 8000, 2), 2);
        Assert.That(() => splitter.GetChannel(2), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    /// <summary>Gives at most one frame per read, as a network source might.</summary>
    private sealed class ShortReads(Providers.ISampleProvider inner) : Providers.ISampleProvider
    {
        public Formats.WaveFormat WaveFormat => inner.WaveFormat;

        public int Read(Span<float> buffer) => inner.Read(buffer[..Math.Min(buffer.Length, WaveFormat.Channels)]);
    }
}
