using System.Buffers.Binary;
using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Writers;
using CallMonitor.Cli.Client;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Contracts.V1;
using CallMonitor.Domain.Calls;

namespace CallMonitor.Cli.Tests.Client;

/// <summary>The recording as <c>stream</c> sends it: PCM16 at the file's rate, channels routed by the layout, 100 ms chunks.</summary>
public class PcmChunkReaderTests
{
    private const short Left = 8192;
    private const short Right = -16384;
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("callmonitor-chunks-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void ReadChunks_StereoFile_HundredMsChunksCoveringTheFileWithEachChannelInPlace()
    {
        var path = WriteWav(8000, channels: 2, frames: 8400);
        using var reader = PcmChunkReader.Open(path, layout: null, rawFormat: null);

        var chunks = reader.ReadChunks(TimeSpan.FromMilliseconds(100)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(chunks, Has.Count.EqualTo(11));
            Assert.That(chunks.Take(10).Select(c => c.Data.Length), Is.All.EqualTo(800 * 4));
            Assert.That(chunks[^1].Data, Has.Length.EqualTo(400 * 4));
            Assert.That(chunks.Zip(chunks.Skip(1)).All(p => p.First.End == p.Second.Start), Is.True, "chunks are contiguous");
            Assert.That(chunks[^1].End, Is.EqualTo(TimeSpan.FromSeconds(1.05)));
            Assert.That(Samples(chunks[3].Data).Where((_, i) => i % 2 == 0), Is.All.EqualTo(Left), "channel 0");
            Assert.That(Samples(chunks[3].Data).Where((_, i) => i % 2 == 1), Is.All.EqualTo(Right), "channel 1");
            Assert.That(reader.WireFormat().ChannelRoles, Is.EqualTo(new[] { Speaker.Agent, Speaker.Customer }));
            Assert.That((reader.WireFormat().SampleRate, reader.WireFormat().Channels, reader.WireFormat().Encoding), Is.EqualTo((8000, 2, AudioEncoding.Pcm16)));
        });
    }

    [Test]
    public void WireFormat_CustomerAgentLayout_RolesInChannelOrder()
    {
        using var reader = PcmChunkReader.Open(WriteWav(16000, 2, 1600), ChannelLayout.CustomerAgent, rawFormat: null);

        Assert.That(reader.WireFormat().ChannelRoles, Is.EqualTo(new[] { Speaker.Customer, Speaker.Agent }));
    }

    [Test]
    public void ReadChunks_MonoLayoutOfAStereoFile_OneMixedChannelAtTheMeanOfBoth()
    {
        using var reader = PcmChunkReader.Open(WriteWav(8000, 2, 800), ChannelLayout.Mono, rawFormat: null);

        var data = reader.ReadChunks(TimeSpan.FromMilliseconds(100)).Single().Data;

        Assert.Multiple(() =>
        {
            Assert.That(reader.WireFormat().ChannelRoles, Is.EqualTo(new[] { Speaker.Mixed }));
            Assert.That(data, Has.Length.EqualTo(800 * 2));
            Assert.That(Samples(data), Is.All.EqualTo((short)((Left + Right) / 2)));
        });
    }

    [Test]
    public void ReadChunks_RateAboveTheServiceLimit_ResampledTo16kHzKeepingTheDuration()
    {
        using var reader = PcmChunkReader.Open(WriteWav(96000, 1, 96000), layout: null, rawFormat: null);

        var chunks = reader.ReadChunks(TimeSpan.FromMilliseconds(100)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(reader.SampleRate, Is.EqualTo(16000));
            Assert.That(chunks.Sum(c => c.Data.Length) / 2, Is.EqualTo(16000).Within(1));
            Assert.That(chunks[^1].End.TotalSeconds, Is.EqualTo(1.0).Within(1e-3));
        });
    }

    [Test]
    public void Open_StereoLayoutOfAMonoFile_UsageErrorSayingToUseMono()
    {
        var path = WriteWav(8000, 1, 800);

        Assert.That(() => PcmChunkReader.Open(path, ChannelLayout.AgentCustomer, rawFormat: null), Throws.TypeOf<UsageException>().With.Message.Contains("--channels mono"));
    }

    private static short[] Samples(byte[] data)
    {
        var samples = new short[data.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data.AsSpan(2 * i));
        }

        return samples;
    }

    private string WriteWav(int rate, int channels, int frames)
    {
        var path = Path.Combine(_folder, $"call-{rate}-{channels}.wav");
        var bytes = new byte[frames * channels * 2];
        for (var f = 0; f < frames; f++)
        {
            for (var c = 0; c < channels; c++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(((f * channels) + c) * 2), c == 0 ? Left : Right);
            }
        }

        using var writer = new WaveFileWriter(path, WaveFormat.Pcm16(rate, channels));
        writer.Write(bytes);
        return path;
    }
}
