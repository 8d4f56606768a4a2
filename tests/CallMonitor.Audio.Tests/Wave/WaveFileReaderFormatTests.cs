using System.Buffers.Binary;
using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Tests.Support;
using CallMonitor.Audio.Wave;

namespace CallMonitor.Audio.Tests.Wave;

public class WaveFileReaderFormatTests
{
    // Expected floats follow from the definitions: signed PCM value / 2^(bits-1); 8-bit PCM is offset by 128.
    [Test]
    public void Read_Pcm8Unsigned_CentersOn128()
    {
        byte[] wav = WavBuilder.Create(1, 1, 8000, 8).Data([128, 192, 64, 255, 0]).ToArray();
        Assert.That(Decode(wav, out _), Is.EqualTo(new[] { 0f, 0.5f, -0.5f, 127 / 128f, -1f }));
    }

    [Test]
    public void Read_Pcm16_ScalesBy32768()
    {
        byte[] wav = WavBuilder.Create(1, 1, 16000, 16).Data(Signals.Int16Bytes(0, 16384, -16384, 32767, -32768)).ToArray();
        Assert.That(Decode(wav, out _), Is.EqualTo(new[] { 0f, 0.5f, -0.5f, 32767 / 32768f, -1f }));
    }

    [Test]
    public void Read_Pcm24_SignExtendsThreeByteSamples()
    {
        byte[] data = [0x00, 0x00, 0x40, 0x00, 0x00, 0xC0, 0xFF, 0xFF, 0x7F, 0x00, 0x00, 0x80, 0xFF, 0xFF, 0xFF];
        byte[] wav = WavBuilder.Create(1, 1, 48000, 24).Data(data).ToArray();
        Assert.That(Decode(wav, out _), Is.EqualTo(new[] { 0.5f, -0.5f, 8388607 / 8388608f, -1f, -1 / 8388608f }));
    }

    [Test]
    public void Read_Pcm32_ScalesBy2Pow31()
    {
        byte[] data = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(data, 1 << 30);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), int.MinValue);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(8), -(1 << 29));
        byte[] wav = WavBuilder.Create(1, 1, 44100, 32).Data(data).ToArray();
        Assert.That(Decode(wav, out _), Is.EqualTo(new[] { 0.5f, -1f, -0.25f }));
    }

    [Test]
    public void Read_Float32_PassesValuesAndClampsOversAndNaN()
    {
        float[] values = [0.25f, -0.75f, 1.5f, float.NaN];
        byte[] data = new byte[16];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4 * i), values[i]);
        }

        byte[] wav = new WavBuilder().Chunk("fmt ", WavBuilder.FmtBody(3, 1, 16000, 32, cbSize: 0)).Chunk("fact", new byte[4]).Data(data).ToArray();
        Assert.That(Decode(wav, out var format), Is.EqualTo(new[] { 0.25f, -0.75f, 1f, 0f }));
        Assert.That(format.Encoding, Is.EqualTo(WaveFormatEncoding.IeeeFloat));
    }

    [Test]
    public void Read_Float64_ConvertsToSingle()
    {
        byte[] data = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(data, 0.125);
        BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(8), -0.5);
        byte[] wav = WavBuilder.Create(3, 1, 22050, 64).Data(data).ToArray();
        Assert.That(Decode(wav, out _), Is.EqualTo(new[] { 0.125f, -0.5f }));
    }

    [Test]
    public void Read_MuLaw_DecodesG711()
    {
        // 0xFF is zero, 0x80 the largest positive level (32124), 0x00 the largest negative.
        byte[] wav = WavBuilder.Create(7, 1, 8000, 8).Data([0xFF, 0x80, 0x00]).ToArray();
        Assert.That(Decode(wav, out _), Is.EqualTo(new[] { 0f, 32124 / 32768f, -32124 / 32768f }));
    }

    [Test]
    public void Read_ALaw_DecodesG711()
    {
        // 0xD5 is the smallest positive level (8), 0xAA the largest (32256), 0x2A the largest negative.
        byte[] wav = WavBuilder.Create(6, 1, 8000, 8).Data([0xD5, 0xAA, 0x2A]).ToArray();
        Assert.That(Decode(wav, out _), Is.EqualTo(new[] { 8 / 32768f, 32256 / 32768f, -32256 / 32768f }));
    }

    [Test]
    public void Read_Extensible24In32WithValidBits_ResolvesSubFormat()
    {
        // 24 valid bits left-justified in 32-bit containers, stereo front left/right.
        byte[] data = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(data, 0x40000000);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), unchecked((int)0xC0000000));
        byte[] fmt = WavBuilder.ExtensibleFmtBody(1, 2, 48000, 32, 24, 0x3);
        using var reader = new WaveFileReader(new MemoryStream(new WavBuilder().Chunk("fmt ", fmt).Data(data).ToArray()), "ext.wav");
        float[] samples = Signals.ReadAll(reader.ToSampleProvider());
        Assert.Multiple(() =>
        {
            Assert.That(reader.WaveFormat, Is.EqualTo(new WaveFormat(WaveFormatEncoding.Pcm, 48000, 2, 32)));
            Assert.That(reader.ValidBitsPerSample, Is.EqualTo(24));
            Assert.That(reader.ChannelMask, Is.EqualTo(0x3u));
            Assert.That(samples, Is.EqualTo(new[] { 0.5f, -0.5f }));
        });
    }

    [Test]
    public void Read_ExtensibleFloat_ResolvesToIeeeFloat()
    {
        byte[] data = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(data, -0.25f);
        byte[] wav = new WavBuilder().Chunk("fmt ", WavBuilder.ExtensibleFmtBody(3, 1, 16000, 32, 32, 0x4)).Data(data).ToArray();
        Assert.That(Decode(wav, out var format), Is.EqualTo(new[] { -0.25f }));
        Assert.That(format.Encoding, Is.EqualTo(WaveFormatEncoding.IeeeFloat));
    }

    [Test]
    public void Read_ExtensibleMuLaw_ResolvesToMuLaw()
    {
        byte[] wav = new WavBuilder().Chunk("fmt ", WavBuilder.ExtensibleFmtBody(7, 1, 8000, 8, 8, 0x4)).Data([0x80]).ToArray();
        Assert.That(Decode(wav, out var format), Is.EqualTo(new[] { 32124 / 32768f }));
        Assert.That(format.Encoding, Is.EqualTo(WaveFormatEncoding.MuLaw));
    }

    [TestCase(8000, 1)]
    [TestCase(16000, 2)]
    [TestCase(22050, 1)]
    [TestCase(44100, 2)]
    [TestCase(48000, 6)]
    public void Open_RatesAndChannelCounts_ReportFormatAndDuration(int rate, int channels)
    {
        int frames = rate / 2; // half a second
        var tones = Enumerable.Range(0, channels).Select(c => 200.0 * (c + 1)).ToArray();
        float[] signal = Signals.Sines(rate, frames, 0.5f, tones);
        byte[] wav = WavBuilder.Create(1, channels, rate, 16).Data(Signals.Pcm16Bytes(signal)).ToArray();
        using var reader = new WaveFileReader(new MemoryStream(wav), "rate.wav");
        float[] samples = Signals.ReadAll(reader.ToSampleProvider(), 1000 * channels);
        Assert.Multiple(() =>
        {
            Assert.That(reader.WaveFormat, Is.EqualTo(WaveFormat.Pcm16(rate, channels)));
            Assert.That(reader.TotalTime, Is.EqualTo(TimeSpan.FromSeconds(0.5)));
            Assert.That(samples, Has.Length.EqualTo(signal.Length));
            Assert.That(samples, Is.EqualTo(signal).Within(1 / 32768f));
            Assert.That(reader.FramesRead, Is.EqualTo(frames));
        });
    }

    private static float[] Decode(byte[] wav, out WaveFormat format)
    {
        using var reader = new WaveFileReader(new MemoryStream(wav), "format.wav");
        format = reader.WaveFormat;
        return Signals.ReadAll(reader.ToSampleProvider());
    }
}
