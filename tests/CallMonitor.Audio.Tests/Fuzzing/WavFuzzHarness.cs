using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Errors;
using CallMonitor.Audio.Tests.Support;
using CallMonitor.Audio.Wave;

namespace CallMonitor.Audio.Tests.Fuzzing;

/// <summary>
/// Feeds one input to <see cref="WaveFileReader"/> (header and every sample) and says what was wrong with how it
/// coped: null when it either read sane audio or refused with an <see cref="AudioException"/> that names the input.
/// </summary>
internal static class WavFuzzHarness
{
    /// <summary>Generous hang bound: reading a few KB takes microseconds, so only a loop that never ends reaches it.</summary>
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(10);

    /// <summary>Allowance for the reader's buffers; beyond it, allocation must stay proportional to the input.</summary>
    private const long FixedAllocationBound = 4L << 20;

    public static async Task<(string? Problem, bool Refused)> ProblemWithAsync(byte[] input, string name, bool asPipe, CancellationToken token)
    {
        long bound = FixedAllocationBound + (16L * input.Length);
        try
        {
            var (problem, refused, allocated) = await Task.Run(() => Read(input, name, asPipe), token).WaitAsync(HangBound, token);
            if (problem is null && allocated > bound)
            {
                problem = $"allocated {allocated:N0} bytes for a {input.Length:N0}-byte input (bound {bound:N0})";
            }

            return (problem, refused);
        }
        catch (TimeoutException)
        {
            return ($"no answer within {HangBound.TotalSeconds} s (hang)", false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            string top = ex.StackTrace?.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault() ?? "(no stack)";
            return ($"{ex.GetType().Name}: {ex.Message} [{top}]", false);
        }
    }

    private static (string? Problem, bool Refused, long Allocated) Read(byte[] input, string name, bool asPipe)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        string? problem;
        bool refused = false;
        try
        {
            Stream stream = asPipe ? new PipeStream(input, maxRead: 777) : new MemoryStream(input, writable: false);
            using var reader = new WaveFileReader(stream, name);
            problem = CheckAudio(reader, input.Length);
        }
        catch (AudioException ex)
        {
            refused = true;
            problem = ex.Message.StartsWith(name + ": ", StringComparison.Ordinal) && ex.Problem.Trim().Length > 0
                ? null
                : $"{ex.GetType().Name} without a usable message: '{ex.Message}'";
        }

        return (problem, refused, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string? CheckAudio(WaveFileReader reader, int inputLength)
    {
        var format = reader.WaveFormat;
        if (format.Channels < 1 || format.SampleRate <= 0 || format.BlockAlign < format.Channels)
        {
            return $"accepted a nonsensical format: {format}";
        }

        var samples = reader.ToSampleProvider();
        var buffer = new float[4096];
        long total = 0;
        int read;
        while ((read = samples.Read(buffer)) > 0)
        {
            total += read;
            if (total > inputLength)
            {
                return $"produced {total} samples from {inputLength} bytes";
            }

            foreach (float s in buffer.AsSpan(0, read))
            {
                if (!float.IsFinite(s) || Math.Abs(s) > 1f)
                {
                    return $"sample {s} outside [-1, 1] in {format}";
                }
            }
        }

        return null;
    }
}
