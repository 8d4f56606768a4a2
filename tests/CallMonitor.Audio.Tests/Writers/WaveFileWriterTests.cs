using System.Buffers.Binary;
using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Sources;
using CallMonitor.Audio.Tests.Support;
using CallMonitor.Audio.Wave;
using CallMonitor.Audio.Writers;

namespace CallMonitor.Audio.Tests.Writers;

public class WaveFileWriterTests
{
    [TestCase(1)]
    [TestCase(2)]
    public void WriteSamples_Pcm16File_ReadsBackWithinOneLsb(int channels)
    {
        string path = Path.Combine(Path.GetTempPath(), $"cm-writer-{Guid.NewGuid():N}.wav");
        try
        {
            float[] signal = Signals.Sines(16000, 4000, 0.7f, [.. Enumerable.Range(1, channels).Select(c => 300.0 * c)]);
            using (var writer = new WaveFileWriter(path, WaveFormat.Pcm16(16000, channels)))
            {
                writer.WriteSamples(signal.AsSpan(0, 1000 * channels)); // in two pieces, as a stream would
                writer.WriteSamples(signal.AsSpan(1000 * channels));
            }

            byte[] bytes = File.ReadAllBytes(path);
            using var reader = AudioSource.Open(path);
            float[] back = Signals.ReadAll(reader.ToSampleProvider());
            Assert.Multiple(() =>
            {
                Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)), Is.EqualTo(bytes.Length - 8), "RIFF size");
                Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40)), Is.EqualTo(signal.Length * 2), "data size");
                Assert.That(reader.WaveFormat, Is.EqualTo(WaveFormat.Pcm16(16000, channels)));
                Assert.That(reader.TotalTime, Is.EqualTo(TimeSpan.FromSeconds(0.25)));
                Assert.That(back, Is.EqualTo(signal).Within(1 / 32768f));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void WriteAll_Float32ToMemory_RoundTripsExactly(int channels)
    {
        float[] signal = Signals.Sines(8000, 3000, 0.9f, [.. Enumerable.Range(1, channels).Select(c => 440.0 * c)]);
        var memory = new MemoryStream();
        using (var writer = new WaveFileWriter(memory, WaveFormat.IeeeFloat(8000, channels), leaveOpen: true))
        {
            writer.WriteAll(new ArraySampleProvider(signal, 8000, channels));
            Assert.That(writer.TotalTime, Is.EqualTo(TimeSpan.FromSeconds(3000 / 8000.0)));
        }

        memory.Position = 0;
        using var reader = new WaveFileReader(memory, "mem.wav");
        Assert.Multiple(() =>
        {
            Assert.That(reader.WaveFormat, Is.EqualTo(WaveFormat.IeeeFloat(8000, channels)));
            Assert.That(reader.HasPlaceholderSize, Is.False);
            Assert.That(Signals.ReadAll(reader.ToSampleProvider()), Is.EqualTo(signal));
        });
    }

    [Test]
    public void WriteSamples_ToPipe_LeavesStreamingPlaceholderThatReadsToEnd()
    {
        var sink = new WriteOnlyPipe();
        float[] signal = Signals.Sines(16000, 500, 0.5f, 1000);
        using (var writer = new WaveFileWriter(sink, WaveFormat.Pcm16(16000, 1)))
        {
            writer.WriteSamples(signal);
        }

        using var reader = new WaveFileReader(new MemoryStream(sink.Bytes.ToArray()), "piped.wav");
        Assert.Multiple(() =>
        {
            Assert.That(reader.HasPlaceholderSize, Is.True);
            Assert.That(Signals.ReadAll(reader.ToSampleProvider()), Is.EqualTo(signal).Within(1 / 32768f));
        });
    }

    [Test]
    public void WriteSamples_OutOfRangeAndNaN_ClampedAndSilenced()
    {
        var memory = new MemoryStream();
        using (var writer = new WaveFileWriter(memory, WaveFormat.Pcm16(8000, 1), leaveOpen: true))
        {
            writer.WriteSamples([2f, -2f, float.NaN]);
        }

        memory.Position = 0;
        using var reader = new WaveFileReader(memory, "clip.wav");
        Assert.That(Signals.ReadAll(reader.ToSampleProvider()), Is.EqualTo(new[] { 32767 / 32768f, -1f, 0f }));
    }

    [Test]
    public void Constructor_UnwritableFormat_Throws() =>
        Assert.That(() => new WaveFileWriter(new MemoryStream(), WaveFormat.MuLaw(8000, 1)), Throws.ArgumentException);

    [Test]
    public void Write_PartialFrame_Throws()
    {
        using var writer = new WaveFileWriter(new MemoryStream(), WaveFormat.Pcm16(8000, 2));
        Assert.That(() => writer.Write(new byte[6]), Throws.ArgumentException);
    }

    private sealed class WriteOnlyPipe : Stream
    {
        public List<byte> Bytes { get; } = [];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Bytes.AddRange(buffer);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
