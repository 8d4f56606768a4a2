using System.Buffers.Binary;
using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Sources;
using CallMonitor.Audio.Tests.Support;
using CallMonitor.Audio.Wave;

namespace CallMonitor.Audio.Tests.Wave;

public class WaveFileReaderChunkTests
{
    private static readonly byte[] FourSamples = Signals.Int16Bytes(1000, -2000, 3000, -4000);
    private static readonly float[] FourFloats = [1000 / 32768f, -2000 / 32768f, 3000 / 32768f, -4000 / 32768f];

    [Test]
    public void Read_UnknownChunksBeforeAndAfterData_AreSkipped()
    {
        byte[] wav = new WavBuilder()
            .Chunk("JUNK", new byte[28])
            .Chunk("bext", new byte[602])
            .Chunk("fmt ", WavBuilder.FmtBody(1, 1, 16000, 16))
            .Chunk("fact", new byte[4])
            .Chunk("LIST", "INFOISFT\u0005\0\0\0test\0"u8.ToArray())
            .Data(FourSamples)
            .Chunk("LIST", new byte[10])
            .ToArray();
        Assert.That(ReadFloats(wav), Is.EqualTo(FourFloats));
    }

    [Test]
    public void Read_OddSizedChunkBeforeData_SkipsItsPadByte()
    {
        byte[] wav = new WavBuilder()
            .Chunk("fmt ", WavBuilder.FmtBody(1, 1, 16000, 16))
            .Chunk("odd1", [1, 2, 3]) // 3 bytes + 1 pad byte
            .Data(FourSamples)
            .ToArray();
        Assert.That(ReadFloats(wav), Is.EqualTo(FourFloats));
    }

    [Test]
    public void Read_OddDataSizeForSixteenBitMono_DropsTrailingPartialFrame()
    {
        byte[] wav = WavBuilder.Create(1, 1, 16000, 16).Data([.. FourSamples, 0x7F]).ToArray();
        using var reader = new WaveFileReader(new MemoryStream(wav), "odd.wav");
        Assert.Multiple(() =>
        {
            Assert.That(reader.DataLength, Is.EqualTo(8));
            Assert.That(Signals.ReadAll(reader.ToSampleProvider()), Is.EqualTo(FourFloats));
        });
    }

    [Test]
    public void Read_PlaceholderDataSizeFFFFFFFF_ReadsToEndOfFile()
    {
        var builder = new WavBuilder { RiffSize = uint.MaxValue };
        byte[] wav = builder.Chunk("fmt ", WavBuilder.FmtBody(1, 1, 16000, 16)).Data(FourSamples, declaredSize: uint.MaxValue).ToArray();
        using var reader = new WaveFileReader(new MemoryStream(wav), "live.wav");
        Assert.Multiple(() =>
        {
            Assert.That(reader.HasPlaceholderSize, Is.True);
            Assert.That(reader.DataLength, Is.Null);
            Assert.That(reader.TotalTime, Is.EqualTo(TimeSpan.FromSeconds(4 / 16000.0)));
            Assert.That(Signals.ReadAll(reader.ToSampleProvider()), Is.EqualTo(FourFloats));
        });
    }

    [Test]
    public void Read_UnfinishedHeaderWithZeroSizes_ReadsToEndOfFile()
    {
        // A recorder that crashed before finalising: RIFF size 36 (header only) and data size 0, audio after it.
        var builder = new WavBuilder { RiffSize = 36 };
        byte[] wav = builder.Chunk("fmt ", WavBuilder.FmtBody(1, 1, 16000, 16)).Data(FourSamples, declaredSize: 0).ToArray();
        using var reader = new WaveFileReader(new MemoryStream(wav), "crashed.wav");
        Assert.Multiple(() =>
        {
            Assert.That(reader.HasPlaceholderSize, Is.True);
            Assert.That(Signals.ReadAll(reader.ToSampleProvider()), Is.EqualTo(FourFloats));
        });
    }

    [Test]
    public void Read_PlaceholderOnPipe_ReadsUntilPipeEndsAndDropsPartialFrame()
    {
        var builder = new WavBuilder { RiffSize = uint.MaxValue };
        byte[] wav = builder.Chunk("fmt ", WavBuilder.FmtBody(1, 2, 8000, 16)).Data([.. FourSamples, 1, 2], declaredSize: uint.MaxValue).ToArray();
        using var reader = new WaveFileReader(new PipeStream(wav, maxRead: 3), "pipe");
        Assert.Multiple(() =>
        {
            Assert.That(reader.TotalTime, Is.Null);
            Assert.That(Signals.ReadAll(reader.ToSampleProvider(), 2), Is.EqualTo(FourFloats));
        });
    }

    [Test]
    public void Read_Rf64WithDs64_UsesSixtyFourBitDataSize()
    {
        // ds64: riff size, data size, sample count (64-bit each) and an empty table; the 32-bit data size is -1.
        byte[] ds64 = new byte[28];
        BinaryPrimitives.WriteInt64LittleEndian(ds64.AsSpan(8), FourSamples.Length - 2); // only 3 of the 4 samples
        byte[] wav = new WavBuilder { RiffId = "RF64", RiffSize = uint.MaxValue }
            .Chunk("ds64", ds64)
            .Chunk("fmt ", WavBuilder.FmtBody(1, 1, 16000, 16))
            .Data(FourSamples, declaredSize: uint.MaxValue)
            .ToArray();
        using var reader = new WaveFileReader(new MemoryStream(wav), "big.wav");
        Assert.Multiple(() =>
        {
            Assert.That(reader.IsRf64, Is.True);
            Assert.That(reader.HasPlaceholderSize, Is.False);
            Assert.That(reader.DataLength, Is.EqualTo(6));
            Assert.That(Signals.ReadAll(reader.ToSampleProvider()), Is.EqualTo(FourFloats[..3]));
        });
    }

    [Test]
    public void Read_DataSizeBeyondFileWithAcceptTruncated_ReadsWhatIsThere()
    {
        byte[] wav = WavBuilder.Create(1, 1, 16000, 16).Data(FourSamples, declaredSize: 1_000_000).ToArray();
        using var reader = new WaveFileReader(new MemoryStream(wav), "cut.wav", new AudioOpenOptions { AcceptTruncatedData = true });
        Assert.Multiple(() =>
        {
            Assert.That(reader.IsTruncated, Is.True);
            Assert.That(Signals.ReadAll(reader.ToSampleProvider()), Is.EqualTo(FourFloats));
        });
    }

    [Test]
    public void Read_SmallBuffer_ReturnsWholeFramesOnly()
    {
        byte[] wav = WavBuilder.Create(1, 2, 16000, 16).Data(FourSamples).ToArray();
        using var reader = new WaveFileReader(new PipeStream(wav, maxRead: 1), "frames.wav");
        var buffer = new byte[7]; // not a whole number of 4-byte frames
        int first = reader.Read(buffer);
        int second = reader.Read(buffer);
        int third = reader.Read(buffer);
        Assert.That(new[] { first, second, third }, Is.EqualTo(new[] { 4, 4, 0 }));
    }

    private static float[] ReadFloats(byte[] wav)
    {
        using var reader = new WaveFileReader(new MemoryStream(wav), "chunks.wav");
        return Signals.ReadAll(reader.ToSampleProvider());
    }
}
