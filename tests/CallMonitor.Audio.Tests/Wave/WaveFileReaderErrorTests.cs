using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Errors;
using CallMonitor.Audio.Sources;
using CallMonitor.Audio.Tests.Support;
using CallMonitor.Audio.Wave;

namespace CallMonitor.Audio.Tests.Wave;

public class WaveFileReaderErrorTests
{
    private static readonly byte[] Pcm16Fmt = WavBuilder.FmtBody(1, 1, 16000, 16);
    private static readonly byte[] Audio = Signals.Int16Bytes(1, 2, 3, 4);
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("cm-wav-errors-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Open_ZeroLengthFile_CorruptNamingFileAndEmptiness() =>
        AssertCorrupt("empty.wav", [], "empty");

    [Test]
    public void Open_HeaderWithoutDataChunk_CorruptSayingNoData() =>
        AssertCorrupt("header-only.wav", new WavBuilder().Chunk("fmt ", Pcm16Fmt).Chunk("LIST", new byte[4]).ToArray(), "no data chunk");

    [Test]
    public void Open_EmptyDataChunkInFinishedFile_CorruptSayingNoAudio() =>
        AssertCorrupt("empty-data.wav", new WavBuilder().Chunk("fmt ", Pcm16Fmt).Data([]).Chunk("LIST", new byte[4]).ToArray(), "no audio");

    [TestCase(8)]
    [TestCase(20)]
    [TestCase(30)]
    public void Open_HeaderCutShort_CorruptSayingTruncated(int keep)
    {
        byte[] whole = new WavBuilder().Chunk("fmt ", Pcm16Fmt).Data(Audio).ToArray();
        AssertCorrupt("cut.wav", whole[..keep], "truncated");
    }

    [Test]
    public void Open_ZeroChannels_CorruptSayingZeroChannels() =>
        AssertCorrupt("nochan.wav", new WavBuilder().Chunk("fmt ", WavBuilder.FmtBody(1, 0, 16000, 16, blockAlign: 2)).Data(Audio).ToArray(), "0 channels");

    [Test]
    public void Open_ZeroSampleRate_CorruptSayingSampleRate() =>
        AssertCorrupt("norate.wav", new WavBuilder().Chunk("fmt ", WavBuilder.FmtBody(1, 1, 0, 16)).Data(Audio).ToArray(), "sample rate");

    [Test]
    public void Open_BlockAlignInconsistentWithChannels_CorruptSayingBlockAlign() =>
        AssertCorrupt("align.wav", new WavBuilder().Chunk("fmt ", WavBuilder.FmtBody(1, 2, 16000, 16, blockAlign: 2)).Data(Audio).ToArray(), "block align 2");

    [Test]
    public void Open_DataSizeBeyondEndOfFile_CorruptSayingTruncated() =>
        AssertCorrupt("short.wav", new WavBuilder().Chunk("fmt ", Pcm16Fmt).Data(Audio, declaredSize: 1_000_000).ToArray(), "declares 1000000 bytes");

    [Test]
    public void Read_DataSizeBeyondEndOfPipe_CorruptWhenPipeEnds()
    {
        byte[] wav = new WavBuilder().Chunk("fmt ", Pcm16Fmt).Data(Audio, declaredSize: 1_000_000).ToArray();
        using var reader = new WaveFileReader(new PipeStream(wav), "socket");
        var ex = Assert.Throws<CorruptAudioException>(() => Signals.ReadAll(reader.ToSampleProvider()));
        Assert.That(ex!.Message, Does.StartWith("socket: truncated"));
    }

    [Test]
    public void Open_DataBeforeFmt_Corrupt() =>
        AssertCorrupt("order.wav", new WavBuilder().Data(Audio).Chunk("fmt ", Pcm16Fmt).ToArray(), "before the fmt chunk");

    [Test]
    public void Open_RiffOfAnotherType_CorruptSayingNotWave() =>
        AssertCorrupt("image.wav", new WavBuilder { FormType = "WEBP" }.Chunk("VP8 ", new byte[10]).ToArray(), "not WAVE");

    [Test]
    public void Open_Float16Bit_CorruptBecauseNoSuchFormat() =>
        AssertCorrupt("f16.wav", WavBuilder.Create(3, 1, 16000, 16).Data(Audio).ToArray(), "16-bit IEEE float");

    [Test]
    public void Open_TextFile_CorruptSayingText() =>
        AssertCorrupt("notes.wav", "This is a meeting note, not a recording.\nSecond line\n"u8.ToArray(), "text");

    [Test]
    public void Open_PngImage_CorruptSayingPng() =>
        AssertCorrupt("photo.wav", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "PNG");

    [Test]
    public void Open_ZipArchive_CorruptSayingZip() =>
        AssertCorrupt("bundle.wav", [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0], "ZIP");

    [Test]
    public void Open_MicrosoftAdpcm_UnsupportedNamingTag()
    {
        byte[] wav = new WavBuilder().Chunk("fmt ", WavBuilder.FmtBody(2, 1, 8000, 4, blockAlign: 256, cbSize: 32)).Data(new byte[256]).ToArray();
        var ex = AssertThrows<UnsupportedAudioFormatException>("adpcm.wav", wav);
        Assert.That(ex.Message, Does.Contain("ADPCM").And.Contain("0x0002"));
    }

    [Test]
    public void Open_ExtensibleWithForeignSubFormat_UnsupportedNamingGuid()
    {
        byte[] fmt = WavBuilder.ExtensibleFmtBody(1, 1, 16000, 16, 16, 0x4);
        Guid.Parse("6dba3190-67bd-11cf-a0f7-0020afd156e4").TryWriteBytes(fmt.AsSpan(24));
        var ex = AssertThrows<UnsupportedAudioFormatException>("ext.wav", new WavBuilder().Chunk("fmt ", fmt).Data(Audio).ToArray());
        Assert.That(ex.Message, Does.Contain("6dba3190-67bd-11cf-a0f7-0020afd156e4"));
    }

    [Test]
    public void Open_TooManyChannels_UnsupportedNamingCount()
    {
        byte[] wav = new WavBuilder().Chunk("fmt ", WavBuilder.FmtBody(1, 64, 16000, 16)).Data(new byte[128]).ToArray();
        var ex = AssertThrows<UnsupportedAudioFormatException>("many.wav", wav);
        Assert.That(ex.Message, Does.Contain("64 channels"));
    }

    [Test]
    public void Open_HugeFmtChunk_CorruptWithoutAllocating() =>
        AssertCorrupt("fmt.wav", new WavBuilder().Chunk("fmt ", Pcm16Fmt, declaredSize: 0x7FFFFFF0).ToArray(), "fmt chunk declares");

    [Test]
    [CancelAfter(20_000)]
    public async Task Open_HugeUnknownChunkInFile_CorruptQuickly(CancellationToken token)
    {
        byte[] wav = new WavBuilder().Chunk("fmt ", Pcm16Fmt).Chunk("LIST", new byte[16], declaredSize: 0xFFFFFFF0).Data(Audio).ToArray();
        string path = Write("huge-list.wav", wav);
        var open = Task.Run(() => AudioSource.Open(path), token);
        var ex = Assert.ThrowsAsync<CorruptAudioException>(async () => await open.WaitAsync(TimeSpan.FromSeconds(10), token));
        Assert.That(ex!.Message, Does.StartWith("huge-list.wav: no data chunk"));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Open_HugeUnknownChunkOnPipe_CorruptWhenPipeEnds(CancellationToken token)
    {
        byte[] wav = new WavBuilder().Chunk("fmt ", Pcm16Fmt).Chunk("LIST", new byte[16], declaredSize: 0xFFFFFFF0).Data(Audio).ToArray();
        var open = Task.Run(() => AudioSource.Open(new PipeStream(wav), "pipe"), token);
        var ex = Assert.ThrowsAsync<CorruptAudioException>(async () => await open.WaitAsync(TimeSpan.FromSeconds(10), token));
        Assert.That(ex!.Message, Does.StartWith("pipe: no data chunk"));
    }

    private void AssertCorrupt(string name, byte[] bytes, string problem)
    {
        var ex = AssertThrows<CorruptAudioException>(name, bytes);
        Assert.That(ex.Message, Does.Contain(problem));
    }

    private TException AssertThrows<TException>(string name, byte[] bytes)
        where TException : AudioException
    {
        string path = Write(name, bytes);
        var ex = Assert.Throws<TException>(() => AudioSource.Open(path).Dispose());
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.StartWith(name + ": "));
            Assert.That(ex.Message, Does.Not.Contain('\n'));
            Assert.That(ex.Source, Is.EqualTo(name));
        });
        return ex!;
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
