using System.Numerics;
using System.Runtime.InteropServices;
using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Providers;

namespace CallMonitor.Audio.Conversion;

/// <summary>
/// Streaming sample-rate converter for any integer rate pair (8k, 22.05k, 44.1k, 48k... to 16 kHz and back).
/// Band-limited interpolation with a Kaiser-windowed sinc (80 dB stop band, pass band flat to 90% of the lower
/// Nyquist, stop band from the lower Nyquist up), evaluated as a polyphase filter. Output frame <c>n</c> sits at
/// input time <c>n * inRate / outRate</c>: no delay is added, and the output has <c>ceil(inFrames * out / in)</c>
/// frames. All state is carried across <see cref="Read"/> calls, so reading in chunks of any size gives exactly
/// the samples one big read gives. Multi-channel input is resampled per channel.
/// </summary>
public sealed class ResamplingSampleProvider : ISampleProvider
{
    private const int SourceBlockFrames = 4096;

    private readonly ISampleProvider source;
    private readonly PolyphaseFilterBank bank;
    private readonly int channels;
    private readonly float[][] history;
    private readonly float[] scratch;
    private long bufferStart; // input frame index of history[c][0]
    private int bufferCount;
    private long baseFrame; // floor of the current output position, in input frames
    private int phase; // numerator of the fractional position, over bank.Up
    private long? sourceFrames; // known once the source has ended

    public ResamplingSampleProvider(ISampleProvider source, int targetSampleRate)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetSampleRate);
        this.source = source;
        WaveFormat input = source.WaveFormat;
        channels = input.Channels;
        bank = new PolyphaseFilterBank(input.SampleRate, targetSampleRate);
        WaveFormat = WaveFormat.IeeeFloat(targetSampleRate, channels);

        int capacity = bank.TapCount + SourceBlockFrames + 1;
        history = new float[channels][];
        for (int c = 0; c < channels; c++)
        {
            history[c] = new float[capacity];
        }

        scratch = new float[SourceBlockFrames * channels];

        // Frames before the start of the input are silence: the first output needs HalfTaps - 1 of them.
        bufferStart = -(bank.HalfTaps - 1);
        bufferCount = bank.HalfTaps - 1;
    }

    public WaveFormat WaveFormat { get; }

    /// <summary>Taps of the interpolation filter per output sample and channel (its cost).</summary>
    public int FilterLength => bank.TapCount;

    public int Read(Span<float> buffer)
    {
        int wanted = buffer.Length / channels;
        int produced = 0;
        while (produced < wanted)
        {
            if (sourceFrames is long total && (baseFrame * bank.Up) + phase >= total * bank.Up)
            {
                break; // output time has reached the end of the input
            }

            long lastNeeded = baseFrame + bank.HalfTaps;
            if (lastNeeded >= bufferStart + bufferCount && !Fill(lastNeeded))
            {
                continue;
            }

            int offset = (int)(baseFrame - bank.HalfTaps + 1 - bufferStart);
            Span<float> frame = buffer.Slice(produced * channels, channels);
            ComputeFrame(offset, frame);
            produced++;

            phase += bank.Down;
            baseFrame += phase / bank.Up;
            phase %= bank.Up;
        }

        return produced * channels;
    }

    private void ComputeFrame(int offset, Span<float> frame)
    {
        if (!bank.Interpolated)
        {
            ReadOnlySpan<float> row = bank.Row(phase);
            for (int c = 0; c < channels; c++)
            {
                frame[c] = Dot(row, history[c].AsSpan(offset, row.Length));
            }

            return;
        }

        long scaled = (long)phase * bank.Phases;
        int p = (int)(scaled / bank.Up);
        float fraction = (float)(scaled % bank.Up) / bank.Up;
        ReadOnlySpan<float> lower = bank.Row(p);
        ReadOnlySpan<float> upper = bank.Row(p + 1);
        for (int c = 0; c < channels; c++)
        {
            ReadOnlySpan<float> x = history[c].AsSpan(offset, lower.Length);
            frame[c] = ((1 - fraction) * Dot(lower, x)) + (fraction * Dot(upper, x));
        }
    }

    /// <summary>Makes input frame <paramref name="lastNeeded"/> available (silence past the end of the source).</summary>
    /// <returns>False when the source just ended, so the caller must re-check the end condition.</returns>
    private bool Fill(long lastNeeded)
    {
        Compact();
        if (sourceFrames is not null)
        {
            // Past the end: pad with silence up to the frame needed.
            int pad = (int)(lastNeeded - (bufferStart + bufferCount) + 1);
            for (int c = 0; c < channels; c++)
            {
                history[c].AsSpan(bufferCount, pad).Clear();
            }

            bufferCount += pad;
            return true;
        }

        int room = Math.Min(SourceBlockFrames, history[0].Length - bufferCount);
        int samples = source.Read(scratch.AsSpan(0, room * channels));
        int frames = samples / channels;
        if (frames == 0)
        {
            sourceFrames = Math.Max(0, bufferStart + bufferCount);
            return false;
        }

        for (int c = 0; c < channels; c++)
        {
            float[] target = history[c];
            for (int f = 0; f < frames; f++)
            {
                target[bufferCount + f] = scratch[(f * channels) + c];
            }
        }

        bufferCount += frames;
        return lastNeeded < bufferStart + bufferCount;
    }

    /// <summary>Drops frames no future output needs, so the history never grows.</summary>
    private void Compact()
    {
        long firstNeeded = baseFrame - bank.HalfTaps + 1;
        int drop = (int)Math.Clamp(firstNeeded - bufferStart, 0, bufferCount);
        if (drop == 0)
        {
            return;
        }

        for (int c = 0; c < channels; c++)
        {
            Array.Copy(history[c], drop, history[c], 0, bufferCount - drop);
        }

        bufferStart += drop;
        bufferCount -= drop;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            ReadOnlySpan<Vector<float>> va = MemoryMarshal.Cast<float, Vector<float>>(a);
            ReadOnlySpan<Vector<float>> vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            Vector<float> acc = Vector<float>.Zero;
            for (int v = 0; v < va.Length; v++)
            {
                acc += va[v] * vb[v];
            }

            sum = Vector.Sum(acc);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
