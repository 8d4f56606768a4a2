using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Errors;
using CallMonitor.Audio.Ffmpeg;
using CallMonitor.Audio.Sources;
using CallMonitor.Audio.Tests.Support;

namespace CallMonitor.Audio.Tests.Ffmpeg;

[Category("Integration")]
public class FfmpegAudioReaderTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("cm-ffmpeg-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    [CancelAfter(60_000)]
    public async Task Open_VoicebankFlac_DecodesSameSamplesAsFfmpegWavConversion(CancellationToken token)
    {
        FfmpegFixtures.RequireFfmpeg();
        string flac = SharedAudio.FilesOrIgnore(Path.Combine("audio", "voicebank-cmn", "agent"), "*.flac")[0];
        string reference = Path.Combine(directory, "reference.wav");
        Assert.That(FfmpegFixtures.Run(out string error, "-i", flac, "-c:a", "pcm_s16le", reference), error);

        var (decoded, total, container) = await Task.Run(
            () =>
            {
                using var reader = AudioSource.Open(flac);
                return (Signals.ReadAll(reader.ToSampleProvider(), 333), reader.TotalTime, ((FfmpegAudioReader)reader).Container);
            },
            token).WaitAsync(token);
        using var wav = AudioSource.Open(reference);
        float[] expected = Signals.ReadAll(wav.ToSampleProvider());

        Assert.Multiple(() =>
        {
            Assert.That(container, Is.EqualTo("FLAC"));
            Assert.That(decoded, Is.EqualTo(expected), "FLAC is lossless: the streamed float samples equal the 16-bit conversion");
            Assert.That(total!.Value.TotalSeconds, Is.EqualTo(expected.Length / (double)wav.WaveFormat.SampleRate).Within(0.01));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Open_FlacThroughStream_PipesIntoFfmpegAndMatchesFileDecode(CancellationToken token)
    {
        FfmpegFixtures.RequireFfmpeg();
        string flac = SharedAudio.FilesOrIgnore(Path.Combine("audio", "voicebank-cmn", "agent"), "*.flac")[^1];
        float[] fromPath = await Task.Run(() => ReadAll(AudioSource.Open(flac)), token).WaitAsync(token);
        float[] fromPipe = await Task.Run(() => ReadAll(AudioSource.Open(new PipeStream(File.ReadAllBytes(flac), 4096), "upload.flac")), token).WaitAsync(token);
        Assert.Multiple(() =>
        {
            Assert.That(fromPipe, Is.EqualTo(fromPath));
            Assert.That(fromPipe, Is.Not.Empty);
        });
    }

    [TestCase("tone.mp3", "-c:a", "libmp3lame", "-b:a", "64k")]
    [TestCase("tone.ogg", "-c:a", "libopus", "-b:a", "32k")]
    [TestCase("tone.m4a", "-c:a", "aac", "-b:a", "64k")]
    [CancelAfter(60_000)]
    public async Task Open_LossyContainer_KeepsToneFrequencyAndDuration(string name, string flag, string codec, string rateFlag, string bitrate, CancellationToken token)
    {
        FfmpegFixtures.RequireFfmpeg();
        string path = Path.Combine(directory, name);
        FfmpegFixtures.ToneOrIgnore(path, 1000, 2, 16000, flag, codec, rateFlag, bitrate);

        var (samples, rate) = await Task.Run(
            () =>
            {
                using var reader = AudioSource.Open(path);
                var provider = reader.ToSampleProvider().ToSampleRate(16000);
                return (Signals.ReadAll(provider), provider.WaveFormat.SampleRate);
            },
            token).WaitAsync(token);
        float[] middle = samples[(samples.Length / 4)..(samples.Length * 3 / 4)];
        Assert.Multiple(() =>
        {
            Assert.That(samples.Length / (double)rate, Is.EqualTo(2).Within(0.1));
            Assert.That(Signals.ToneAmplitude(middle, rate, 1000), Is.GreaterThan(0.05));
            Assert.That(Signals.ToneAmplitude(middle, rate, 1000), Is.GreaterThan(30 * Signals.ToneAmplitude(middle, rate, 2500)));
        });
    }

    [Test]
    public void Open_FfmpegMissing_UnsupportedNamingFfmpegAndInstallCommand()
    {
        string path = Path.Combine(directory, "call.flac");
        File.WriteAllBytes(path, [.. "fLaC"u8, .. new byte[60]]);
        var options = new AudioOpenOptions { FfmpegPath = Path.Combine(directory, "no-such-dir", "ffmpeg") };
        var ex = Assert.Throws<UnsupportedAudioFormatException>(() => AudioSource.Open(path, options));
        Assert.That(ex!.Message, Does.StartWith("call.flac: FLAC needs ffmpeg").And.Contain("apt-get install ffmpeg"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Read_TruncatedFlac_CorruptWithFfmpegReasonOnOneLine(CancellationToken token)
    {
        FfmpegFixtures.RequireFfmpeg();
        string flac = SharedAudio.FilesOrIgnore(Path.Combine("audio", "voicebank-cmn", "agent"), "*.flac")[0];
        string cut = Path.Combine(directory, "cut.flac");
        byte[] bytes = File.ReadAllBytes(flac);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 3)]);

        var ex = Assert.ThrowsAsync<CorruptAudioException>(() => Task.Run(() => ReadAll(AudioSource.Open(cut)), token).WaitAsync(token));
        Assert.That(ex!.Message, Does.StartWith("cut.flac: ffmpeg could not decode it (FLAC): ").And.Not.Contain('\n'));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Open_UnrecognisedBytes_CorruptWithFfmpegReason(CancellationToken token)
    {
        FfmpegFixtures.RequireFfmpeg();
        string path = Path.Combine(directory, "mystery.wav");
        File.WriteAllBytes(path, Enumerable.Range(0, 4000).Select(i => (byte)((i * 7919) % 251)).ToArray());
        var ex = Assert.ThrowsAsync<CorruptAudioException>(() => Task.Run(() => ReadAll(AudioSource.Open(path)), token).WaitAsync(token));
        Assert.That(ex!.Message, Does.StartWith("mystery.wav: ffmpeg could not decode it (an unrecognised format): ").And.Not.Contain('\n'));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Open_VideoWithoutAudio_CorruptSayingNoAudioStream(CancellationToken token)
    {
        FfmpegFixtures.RequireFfmpeg();
        string path = Path.Combine(directory, "silent-film.mp4");
        if (!FfmpegFixtures.Run(out string error, "-f", "lavfi", "-i", "color=c=red:s=32x32:d=1", "-c:v", "mpeg4", path))
        {
            Assert.Ignore($"this ffmpeg cannot make an mp4 video: {error.Trim()}");
        }

        var ex = Assert.ThrowsAsync<CorruptAudioException>(() => Task.Run(() => ReadAll(AudioSource.Open(path)), token).WaitAsync(token));
        Assert.That(ex!.Message, Does.StartWith("silent-film.mp4: ").And.Contain("no audio stream"));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Dispose_MidwayThroughLongInput_StopsFfmpegPromptly(CancellationToken token)
    {
        FfmpegFixtures.RequireFfmpeg();
        string path = Path.Combine(directory, "long.flac");
        FfmpegFixtures.ToneOrIgnore(path, 440, 600, 48000, "-c:a", "flac");
        await Task.Run(
            () =>
            {
                var reader = AudioSource.Open(path);
                var buffer = new byte[48000 * 4];
                long total = 0;
                while (total < buffer.Length)
                {
                    int read = reader.Read(buffer);
                    Assert.That(read, Is.Positive, "ffmpeg keeps delivering audio");
                    total += read;
                }

                Assert.That(reader.CurrentTime, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
                reader.Dispose(); // nearly ten minutes remain undecoded: must not wait for them
            },
            token).WaitAsync(TimeSpan.FromSeconds(30), token);
    }

    private static float[] ReadAll(AudioReader reader)
    {
        using (reader)
        {
            return Signals.ReadAll(reader.ToSampleProvider());
        }
    }
}
