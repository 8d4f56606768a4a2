using System.Runtime.InteropServices;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Speech.Engines;

namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>
/// One keyword stream over one channel of a call. Not thread-safe: one task at a time.
/// <para>
/// Times. Measured with sherpa-onnx 1.13.8 and the WenetSpeech KWS model: the result's start_time is always 0,
/// and its per-token timestamps count from the stream's last reset, ours (after each detection) or the
/// library's own (it restarts the stream after a stretch of silence, at a point the C API does not report).
/// So the timestamps cannot be placed on the call's timeline. What can: our own count of samples fed when the
/// detection is read. The last token's time lies a near-constant <see cref="DetectionLag"/> before it (0.42 to
/// 0.60 s over the model's test files, fed in 0.1 s pieces), and the spread of the timestamps gives the span.
/// </para>
/// </summary>
internal sealed class KeywordChannelRecognizer : IChannelRecognizer
{
    /// <summary>Samples per native call (0.1 s): decoding runs after each, so detections are read at that grain.</summary>
    private const int MaxChunk = KeywordSpotterSettings.SampleRate / 10;

    /// <summary>From the last token's time to the sample count when the detection is read (measured median).</summary>
    internal static readonly TimeSpan DetectionLag = TimeSpan.FromSeconds(0.47);

    /// <summary>How long the last token's sound is taken to last after its timestamp.</summary>
    internal static readonly TimeSpan LastTokenTail = TimeSpan.FromSeconds(0.2);

    private readonly string _callId;
    private readonly SpeakerRole _role;
    private readonly Dictionary<string, KeywordSpec> _byPhrase;
    private readonly KeywordStreamHandle _stream;
    private readonly KeywordSpotterHandle _spotter;
    private readonly List<CallEvent> _events = [];
    private long _samplesFed;
    private long _streamOrigin;
    private long _audioEnd = long.MaxValue;
    private bool _completed;

    public KeywordChannelRecognizer(
        string callId, SpeakerRole role, IReadOnlyList<KeywordSpec> keywords, KeywordStreamHandle stream, KeywordSpotterHandle spotter)
    {
        _callId = callId;
        _role = role;
        _byPhrase = keywords.GroupBy(k => k.Phrase, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _stream = stream;
        _spotter = spotter;
    }

    /// <summary>Samples of the channel's audio fed so far (the padding added by <see cref="Complete"/> excluded).</summary>
    public long SamplesFed => Math.Min(_samplesFed, _audioEnd);

    public unsafe void Accept(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(_stream.IsClosed, this);
        if (_completed)
        {
            throw new InvalidOperationException("the channel was completed; create a new recognizer for more audio");
        }

        while (!samples.IsEmpty)
        {
            var piece = samples[..Math.Min(MaxChunk, samples.Length)];
            fixed (float* p = piece)
            {
                KwsNativeMethods.AcceptWaveform(_stream, KeywordSpotterSettings.SampleRate, p, piece.Length);
            }

            _samplesFed += piece.Length;
            samples = samples[piece.Length..];
            DecodeReady();
        }
    }

    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_stream.IsClosed, this);
        if (_completed)
        {
            return;
        }

        // Trailing blanks let the last keyword fire: the library needs frames after its last token.
        _audioEnd = _samplesFed;
        Accept(new float[KeywordSpotterSettings.SampleRate]);
        KwsNativeMethods.InputFinished(_stream);
        DecodeReady();
        _completed = true;
    }

    public IReadOnlyList<CallEvent> TakeEvents()
    {
        var taken = _events.ToArray();
        _events.Clear();
        return taken;
    }

    public void Dispose() => _stream.Dispose();

    private unsafe void DecodeReady()
    {
        while (KwsNativeMethods.IsReady(_spotter, _stream) != 0)
        {
            KwsNativeMethods.Decode(_spotter, _stream);
            var result = KwsNativeMethods.GetResult(_spotter, _stream);
            if (result == null)
            {
                continue;
            }

            KeywordHit? hit = null;
            try
            {
                var keyword = Marshal.PtrToStringUTF8(result->Keyword) ?? string.Empty;
                if (keyword.Length > 0)
                {
                    var tokens = new string[result->Count];
                    var times = new float[result->Count];
                    for (var i = 0; i < result->Count; i++)
                    {
                        tokens[i] = Marshal.PtrToStringUTF8(((IntPtr*)result->TokensArr)[i]) ?? string.Empty;
                        times[i] = result->Timestamps == IntPtr.Zero ? float.NaN : ((float*)result->Timestamps)[i];
                    }

                    hit = new KeywordHit(keyword, tokens, times, result->StartTime, _samplesFed, _streamOrigin);
                }
            }
            finally
            {
                KwsNativeMethods.DestroyResult(result);
            }

            if (hit is not null)
            {
                _events.Add(ToEvent(hit));
                KwsNativeMethods.Reset(_spotter, _stream);
                _streamOrigin = _samplesFed;
            }
        }
    }

    private KeywordSpotted ToEvent(KeywordHit hit)
    {
        var spec = _byPhrase.GetValueOrDefault(hit.Keyword);
        const int rate = KeywordSpotterSettings.SampleRate;
        var lastToken = hit.SamplesFed - AudioClock.ToSamples(DetectionLag, rate);
        var spread = hit.Timestamps.Count > 1 && float.IsFinite(hit.Timestamps[0]) && float.IsFinite(hit.Timestamps[^1])
            ? Math.Max(0, hit.Timestamps[^1] - hit.Timestamps[0])
            : 0;
        var audioEnd = Math.Min(hit.SamplesFed, _audioEnd);
        var end = Math.Clamp(lastToken + AudioClock.ToSamples(LastTokenTail, rate), 0, audioEnd);
        var start = Math.Clamp(lastToken - (long)Math.Round(spread * rate), 0, end);
        return new KeywordSpotted(
            _callId,
            _role,
            AudioInterval.FromSamples(start, end, rate),
            hit.Keyword,
            // The tokens the library matched tell which spelling fired (谁 as sh éi or sh uí); the phrase's first
            // spelling is only a fallback when the library reports none.
            hit.Tokens.Count > 0 ? string.Join(' ', hit.Tokens) : spec?.TokenText ?? string.Empty,
            null,
            KeywordSpotterEngine.EngineName);
    }
}
