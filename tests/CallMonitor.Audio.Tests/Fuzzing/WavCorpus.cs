using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Tests.Support;
using CallMonitor.Audio.Writers;

namespace CallMonitor.Audio.Tests.Fuzzing;

/// <summary>Small valid WAV files in every encoding the reader supports: the starting points for mutation.</summary>
internal static class WavCorpus
{
    public static IReadOnlyList<byte[]> Valid { get; } = Build();

    private static List<byte[]> Build()
    {
        float[] tone = Signals.Sines(8000, 400, 0.5f, 440);
        float[] stereo = Signals.Sines(8000, 200, 0.5f, 440, 880);
        var files = new List<byte[]>
        {
            Written(WaveFormat.Pcm16(16000, 1), tone),
            Written(WaveFormat.IeeeFloat(8000, 2), stereo),
            WavBuilder.Create(1, 1, 8000, 8).Data(Noise(1, 801)).ToArray(),
            WavBuilder.Create(1, 2, 44100, 24).Data(Noise(2, 600)).ToArray(),
            WavBuilder.Create(1, 1, 48000, 32).Data(Noise(3, 800)).ToArray(),
            WavBuilder.Create(3, 1, 8000, 64).Data(Noise(4, 800)).ToArray(),
            WavBuilder.Create(7, 1, 8000, 8).Data(Noise(5, 500)).ToArray(),
            WavBuilder.Create(6, 2, 8000, 8).Data(Noise(6, 500)).ToArray(),
            new WavBuilder()
                .Chunk("fmt ", WavBuilder.ExtensibleFmtBody(1, 2, 16000, 16, 16, 0x3))
                .Chunk("LIST", Noise(7, 33))
                .Data(Noise(8, 800))
                .ToArray(),
            new WavBuilder()
                .Chunk("fmt ", WavBuilder.ExtensibleFmtBody(3, 1, 16000, 32, 32, 0x4))
                .Data(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tone.AsSpan()).ToArray())
                .ToArray(),
        };
        return files;
    }

    private static byte[] Written(WaveFormat format, float[] samples)
    {
        using var output = new MemoryStream();
        using (var writer = new WaveFileWriter(output, format, leaveOpen: true))
        {
            writer.WriteSamples(samples);
        }

        return output.ToArray();
    }

    private static byte[] Noise(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
