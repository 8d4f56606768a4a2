using CallMonitor.Contracts.V1;
using CallMonitor.Domain.Calls;
using CallMonitor.Hosting.Calls;
using CallMonitor.Pipeline.Sessions;
using CallMonitor.Server.Audio;
using CallMonitor.Server.Mapping;

namespace CallMonitor.Server.Calls;

/// <summary>
/// One call's incoming audio: checks each chunk, decodes it and resamples it to 16 kHz as it arrives (per channel
/// state kept across chunks), then writes it to the <see cref="LiveCall"/>. A call sends either interleaved chunks
/// (no speaker) or per-speaker chunks, not both.
/// </summary>
internal sealed class CallAudioInput
{
    private readonly WireAudioFormat _format;
    private readonly int _maxChunkBytes;
    private readonly Dictionary<SpeakerRole, PushResampler> _perRole = [];
    private PushResampler? _interleaved;

    public CallAudioInput(WireAudioFormat format, int maxChunkBytes)
    {
        _format = format;
        _maxChunkBytes = maxChunkBytes;
    }

    /// <exception cref="CallFrameException">An oversized chunk, a partial frame, a speaker not on the call, or mixed modes.</exception>
    public async ValueTask WriteAsync(AudioChunk chunk, LiveCall call, CancellationToken cancellationToken)
    {
        var data = chunk.Data.Span;
        if (data.Length > _maxChunkBytes)
        {
            throw new CallFrameException($"an audio chunk of {data.Length} bytes is over the limit of {_maxChunkBytes}: send smaller chunks (20-200 ms each)");
        }

        var role = chunk.Speaker == Speaker.Unspecified || _format.Layout.IsMono ? (SpeakerRole?)null : SpeakerMapping.ToDomain(chunk.Speaker);
        if (role is null)
        {
            if (_perRole.Count > 0)
            {
                throw new CallFrameException("this call has sent per-speaker chunks: keep setting AudioChunk.speaker, do not switch to interleaved audio");
            }

            var frame = _format.BytesPerSample * _format.Channels;
            if (data.Length % frame != 0)
            {
                throw new CallFrameException(
                    $"an audio chunk of {data.Length} bytes is not whole frames of {frame} bytes ({_format.Channels} channel(s) of {_format.Encoding}); cut chunks on frame boundaries");
            }

            _interleaved ??= new PushResampler(_format.SampleRate, CallPipeline.SampleRate, _format.Channels);
            await WriteInterleavedAsync(call, _interleaved.Push(WireAudioDecoder.Decode(_format.Encoding, data)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!_format.Layout.Roles.Contains(role.Value))
        {
            throw new CallFrameException($"AudioChunk.speaker {chunk.Speaker} is not a channel of this call ({_format.Layout})");
        }

        if (_interleaved is not null)
        {
            throw new CallFrameException("this call has sent interleaved chunks: leave AudioChunk.speaker unset, do not switch to per-speaker audio");
        }

        if (data.Length % _format.BytesPerSample != 0)
        {
            throw new CallFrameException(
                $"an audio chunk of {data.Length} bytes is not whole {_format.Encoding} samples of {_format.BytesPerSample} bytes; cut chunks on sample boundaries");
        }

        if (!_perRole.TryGetValue(role.Value, out var resampler))
        {
            resampler = new PushResampler(_format.SampleRate, CallPipeline.SampleRate, 1);
            _perRole[role.Value] = resampler;
        }

        var samples = resampler.Push(WireAudioDecoder.Decode(_format.Encoding, data));
        if (samples.Length > 0)
        {
            await call.WriteAsync(role.Value, samples, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The end of the audio: writes what the resamplers still hold.</summary>
    public async ValueTask FlushAsync(LiveCall call, CancellationToken cancellationToken)
    {
        if (_interleaved is not null)
        {
            await WriteInterleavedAsync(call, _interleaved.Flush(), cancellationToken).ConfigureAwait(false);
        }

        foreach (var (role, resampler) in _perRole)
        {
            var rest = resampler.Flush();
            if (rest.Length > 0)
            {
                await call.WriteAsync(role, rest, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private ValueTask WriteInterleavedAsync(LiveCall call, float[] samples, CancellationToken cancellationToken) =>
        samples.Length == 0 ? ValueTask.CompletedTask : call.WriteInterleavedAsync(samples, _format.Channels, cancellationToken);
}
