using System.Buffers.Binary;
using CallMonitor.Audio.Codecs;
using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Providers;

namespace CallMonitor.Audio.Conversion;

/// <summary>Decodes encoded frames of any supported <see cref="WaveFormatEncoding"/> to float samples in [-1, 1].</summary>
internal sealed class WaveToSampleProvider : ISampleProvider
{
    private readonly IWaveProvider source;
    private readonly int bytesPerSample;
    private byte[] bytes = [];

    public WaveToSampleProvider(IWaveProvider source)
    {
        this.source = source;
        WaveFormat input = source.WaveFormat;
        bytesPerSample = input.BlockAlign / input.Channels;
        if (!IsSupported(input))
        {
            throw new ArgumentException($"cannot convert {input} to float samples", nameof(source));
        }

        WaveFormat = WaveFormat.IeeeFloat(input.SampleRate, input.Channels);
    }

    public WaveFormat WaveFormat { get; }

    public int Read(Span<float> buffer)
    {
        int channels = WaveFormat.Channels;
        int frames = buffer.Length / channels;
        if (frames == 0)
        {
            return 0;
        }

        int wanted = frames * source.WaveFormat.BlockAlign;
        if (bytes.Length < wanted)
        {
            bytes = new byte[wanted];
        }

        int got = source.Read(bytes.AsSpan(0, wanted));
        int samples = got / bytesPerSample;
        samples -= samples % channels;
        Decode(bytes.AsSpan(0, samples * bytesPerSample), buffer[..samples]);
        return samples;
    }

    internal static bool IsSupported(WaveFormat format) => (format.Encoding, format.BitsPerSample) switch
    {
        (WaveFormatEncoding.Pcm, 8 or 16 or 24 or 32) => true,
        (WaveFormatEncoding.IeeeFloat, 32 or 64) => true,
        (WaveFormatEncoding.MuLaw or WaveFormatEncoding.ALaw, 8) => true,
        _ => false,
    };

    private void Decode(ReadOnlySpan<byte> input, Span<float> output)
    {
        WaveFormat format = source.WaveFormat;
        switch (format.Encoding, format.BitsPerSample)
        {
            case (WaveFormatEncoding.Pcm, 8):
                for (int i = 0; i < output.Length; i++)
                {
                    output[i] = (input[i] - 128) / 128f;
                }

                break;
            case (WaveFormatEncoding.Pcm, 16):
                for (int i = 0; i < output.Length; i++)
                {
                    output[i] = BinaryPrimitives.ReadInt16LittleEndian(input[(2 * i)..]) / 32768f;
                }

                break;
            case (WaveFormatEncoding.Pcm, 24):
                for (int i = 0; i < output.Length; i++)
                {
                    int o = 3 * i;
                    int value = (input[o] << 8) | (input[o + 1] << 16) | (input[o + 2] << 24);
                    output[i] = (value >> 8) / 8388608f;
                }

                break;
            case (WaveFormatEncoding.Pcm, 32):
                for (int i = 0; i < output.Length; i++)
                {
                    output[i] = (float)(BinaryPrimitives.ReadInt32LittleEndian(input[(4 * i)..]) / 2147483648.0);
                }

                break;
            case (WaveFormatEncoding.IeeeFloat, 32):
                for (int i = 0; i < output.Length; i++)
                {
                    output[i] = Sanitize(BinaryPrimitives.ReadSingleLittleEndian(input[(4 * i)..]));
                }

                break;
            case (WaveFormatEncoding.IeeeFloat, 64):
                for (int i = 0; i < output.Length; i++)
                {
                    output[i] = Sanitize((float)BinaryPrimitives.ReadDoubleLittleEndian(input[(8 * i)..]));
                }

                break;
            case (WaveFormatEncoding.MuLaw, 8):
                for (int i = 0; i < output.Length; i++)
                {
                    output[i] = MuLawCodec.Decode(input[i]) / 32768f;
                }

                break;
            default:
                for (int i = 0; i < output.Length; i++)
                {
                    output[i] = ALawCodec.Decode(input[i]) / 32768f;
                }

                break;
        }
    }

    /// <summary>Float files may hold overs or garbage: keep the [-1, 1] promise and turn NaN/Inf into silence.</summary>
    private static float Sanitize(float value) => float.IsFinite(value) ? Math.Clamp(value, -1f, 1f) : 0f;
}
