using System.Buffers.Binary;
using CallMonitor.Audio.Codecs;

namespace CallMonitor.Server.Audio;

/// <summary>Wire bytes to float samples in [-1, 1).</summary>
public static class WireAudioDecoder
{
    /// <exception cref="ArgumentException">The byte count is not a whole number of samples.</exception>
    public static float[] Decode(WireEncoding encoding, ReadOnlySpan<byte> data)
    {
        switch (encoding)
        {
            case WireEncoding.Pcm16:
                if (data.Length % 2 != 0)
                {
                    throw new ArgumentException($"{data.Length} bytes of PCM16 is not a whole number of 2-byte samples", nameof(data));
                }

                var pcm = new float[data.Length / 2];
                for (var i = 0; i < pcm.Length; i++)
                {
                    pcm[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]) / 32768f;
                }

                return pcm;
            case WireEncoding.MuLaw:
            case WireEncoding.ALaw:
                var shorts = new short[data.Length];
                if (encoding == WireEncoding.MuLaw)
                {
                    MuLawCodec.Decode(data, shorts);
                }
                else
                {
                    ALawCodec.Decode(data, shorts);
                }

                var samples = new float[shorts.Length];
                for (var i = 0; i < shorts.Length; i++)
                {
                    samples[i] = shorts[i] / 32768f;
                }

                return samples;
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown wire encoding");
        }
    }
}
