using CallMonitor.Audio.Codecs;
using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Raw;
using CallMonitor.Audio.Sources;
using CallMonitor.Audio.Tests.Support;

namespace CallMonitor.Audio.Tests.Raw;

public class RawAudioReaderTests
{
    [Test]
    public void Open_RawALawStreamFromLiveCall_DecodesToLinearLevels()
    {
        short[] linear = [0, 1000, -1000, 20000, -20000];
        byte[] codes = new byte[linear.Length];
        ALawCodec.Encode(linear, codes);

        using var reader = AudioSource.Open(new PipeStream(codes, maxRead: 2), "call-42/agent", new AudioOpenOptions { RawFormat = WaveFormat.ALaw(8000, 1) });
        float[] samples = Signals.ReadAll(reader.ToSampleProvider());
        // A-law keeps each level within its quantisation step (~1/16 of the magnitude at worst, 16 near zero).
        float[] expected = linear.Select(s => s / 32768f).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(reader, Is.InstanceOf<RawAudioReader>());
            Assert.That(reader.TotalTime, Is.Null);
            Assert.That(samples, Has.Length.EqualTo(linear.Length));
            for (int i = 0; i < linear.Length; i++)
            {
                Assert.That(samples[i], Is.EqualTo(expected[i]).Within((Math.Abs(expected[i]) / 16) + (16 / 32768f)));
            }
        });
    }

    [Test]
    public void Open_RawMuLawBytes_MatchCodecDecoding()
    {
        byte[] codes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        using var reader = AudioSource.Open(new MemoryStream(codes), "mulaw", new AudioOpenOptions { RawFormat = WaveFormat.MuLaw(8000, 1) });
        float[] samples = Signals.ReadAll(reader.ToSampleProvider());
        Assert.That(samples, Is.EqualTo(codes.Select(c => MuLawCodec.Decode(c) / 32768f)));
    }

    [Test]
    public void Read_RawPcm16StereoWithPartialTrailingFrame_DropsIt()
    {
        byte[] bytes = [.. Signals.Int16Bytes(100, 200, 300, 400), 1, 2, 3];
        using var reader = new RawAudioReader(new MemoryStream(bytes), WaveFormat.Pcm16(16000, 2), "raw");
        float[] samples = Signals.ReadAll(reader.ToSampleProvider());
        Assert.Multiple(() =>
        {
            Assert.That(reader.TotalTime, Is.EqualTo(TimeSpan.FromSeconds(2 / 16000.0)));
            Assert.That(samples, Is.EqualTo(new[] { 100 / 32768f, 200 / 32768f, 300 / 32768f, 400 / 32768f }));
        });
    }

    [Test]
    public void Open_RawFormatOnWavLookingBytes_TakesBytesAsDeclared()
    {
        // With a raw format no detection happens: even "RIFF" bytes are samples.
        byte[] bytes = "RIFF"u8.ToArray();
        using var reader = AudioSource.Open(new MemoryStream(bytes), "raw", new AudioOpenOptions { RawFormat = WaveFormat.Pcm16(8000, 1) });
        Assert.That(Signals.ReadAll(reader.ToSampleProvider()), Has.Length.EqualTo(2));
    }
}
