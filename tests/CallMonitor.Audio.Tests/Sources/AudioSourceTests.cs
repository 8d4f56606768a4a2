using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Sources;
using CallMonitor.Audio.Tests.Support;
using CallMonitor.Audio.Wave;

namespace CallMonitor.Audio.Tests.Sources;

public class AudioSourceTests
{
    [Test]
    public void Open_WavOnNonSeekableStream_DetectsAndReadsAfterPeek()
    {
        byte[] wav = WavBuilder.Create(1, 1, 8000, 16).Data(Signals.Int16Bytes(100, -100, 200)).ToArray();
        using var reader = AudioSource.Open(new PipeStream(wav, maxRead: 5), "upload");
        Assert.Multiple(() =>
        {
            Assert.That(reader, Is.InstanceOf<WaveFileReader>());
            Assert.That(reader.SourceName, Is.EqualTo("upload"));
            Assert.That(Signals.ReadAll(reader.ToSampleProvider()), Is.EqualTo(new[] { 100 / 32768f, -100 / 32768f, 200 / 32768f }));
        });
    }

    [Test]
    public void Open_StreamOwnedByCaller_StaysOpenAfterReaderDisposed()
    {
        byte[] wav = WavBuilder.Create(1, 1, 8000, 16).Data(Signals.Int16Bytes(1, 2)).ToArray();
        var stream = new MemoryStream(wav);
        AudioSource.Open(stream, "owned").Dispose();
        Assert.That(stream.CanRead, Is.True);
    }

    [Test]
    public void Read_AfterDispose_ThrowsObjectDisposed()
    {
        byte[] wav = WavBuilder.Create(1, 1, 8000, 16).Data(Signals.Int16Bytes(1, 2)).ToArray();
        var reader = AudioSource.Open(new MemoryStream(wav), "gone");
        reader.Dispose();
        Assert.That(() => reader.Read(new byte[4]), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void Open_MissingFile_FileNotFound() =>
        Assert.That(() => AudioSource.Open(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.wav")), Throws.TypeOf<FileNotFoundException>());

    [Test]
    public void Open_RealMandarinUtterances_ReadWholeAndResampleCleanly()
    {
        string[] files = SharedAudio.FilesOrIgnore(Path.Combine("audio", "real-cmn", "utterances"), "*.wav");
        Assert.Multiple(() =>
        {
            foreach (string file in files)
            {
                using var reader = AudioSource.Open(file);
                float[] samples = Signals.ReadAll(reader.ToSampleProvider());
                int frames = samples.Length / reader.WaveFormat.Channels;
                string name = Path.GetFileName(file);
                Assert.That(reader, Is.InstanceOf<WaveFileReader>(), name);
                Assert.That(reader.TotalTime, Is.EqualTo(TimeSpan.FromSeconds((double)frames / reader.WaveFormat.SampleRate)), name);
                Assert.That(frames, Is.GreaterThan(reader.WaveFormat.SampleRate / 2), name + ": at least half a second of speech");
                Assert.That(Signals.Db(Signals.Rms(samples)), Is.GreaterThan(-45), name + ": speech is not silence");
                Assert.That(samples.All(s => s is >= -1f and <= 1f), Is.True, name);

                using var again = AudioSource.Open(file);
                float[] at8k = Signals.ReadAll(again.ToSampleProvider().ToSampleRate(8000));
                Assert.That(at8k.Length, Is.EqualTo((samples.Length * 8000L / reader.WaveFormat.SampleRate) + 1).Within(1), name);
                Assert.That(at8k.All(float.IsFinite), Is.True, name);
            }
        });
    }

    [Test]
    public void Open_RealUtterance_IsSixteenKiloHertzPcm()
    {
        string file = SharedAudio.FilesOrIgnore(Path.Combine("audio", "real-cmn", "utterances"), "*.wav")[0];
        using var reader = AudioSource.Open(file);
        Assert.That(reader.WaveFormat, Is.EqualTo(WaveFormat.Pcm16(16000, 1)));
    }

    [Test]
    public void Open_SeekableStreamWithLyingDataSize_CorruptAtOpen()
    {
        byte[] wav = WavBuilder.Create(1, 1, 8000, 16).Data(Signals.Int16Bytes(1, 2), declaredSize: 4000).ToArray();
        var ex = Assert.Throws<Errors.CorruptAudioException>(() => AudioSource.Open(new MemoryStream(wav), "lying"));
        Assert.That(ex!.Message, Does.StartWith("lying: truncated"));
    }

    [Test]
    public void Open_SeekableStreamNotAtStart_ReadsFromCurrentPosition()
    {
        byte[] wav = WavBuilder.Create(1, 1, 8000, 16).Data(Signals.Int16Bytes(300, -300)).ToArray();
        var stream = new MemoryStream([.. new byte[10], .. wav]) { Position = 10 };
        using var reader = AudioSource.Open(stream, "embedded");
        Assert.Multiple(() =>
        {
            Assert.That(reader.TotalTime, Is.EqualTo(TimeSpan.FromSeconds(2 / 8000.0)));
            Assert.That(Signals.ReadAll(reader.ToSampleProvider()), Is.EqualTo(new[] { 300 / 32768f, -300 / 32768f }));
        });
    }
}
