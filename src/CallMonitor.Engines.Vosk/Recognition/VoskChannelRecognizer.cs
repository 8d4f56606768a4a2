using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Errors;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Engines.Vosk.Native;
using CallMonitor.Engines.Vosk.Results;
using CallMonitor.Speech.Engines;

namespace CallMonitor.Engines.Vosk.Recognition;

/// <summary>
/// One channel of one call through a vosk recognizer. Endpoints become <see cref="UtteranceRecognized"/> events with
/// timed words; between them the partial text is queried every <see cref="VoskSettings.PartialInterval"/> of audio
/// and published as <see cref="PartialTranscriptUpdated"/> when it changed. The recognizer is never reset, so vosk's
/// word times are already counted from the channel's first sample; they are clamped to the audio actually fed
/// (the flush silence is not part of the call).
/// </summary>
internal sealed class VoskChannelRecognizer : IChannelRecognizer
{
    private readonly string _callId;
    private readonly SpeakerRole _role;
    private readonly IVoskDecoder _decoder;
    private readonly long _partialIntervalSamples;
    private readonly int _flushSamples;
    private readonly List<CallEvent> _events = [];
    private long _fed;
    private long _utteranceStart;
    private long _lastPartialQuery;
    private string _lastPartial = string.Empty;
    private bool _completed;
    private bool _disposed;

    public VoskChannelRecognizer(string callId, SpeakerRole role, IVoskDecoder decoder, VoskSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(settings);
        _callId = callId;
        _role = role;
        _decoder = decoder;
        _partialIntervalSamples = Math.Max(1, AudioClock.ToSamples(settings.PartialInterval, VoskSettings.SampleRate));
        _flushSamples = (int)AudioClock.ToSamples(settings.FlushSilence, VoskSettings.SampleRate);
    }

    public void Accept(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException($"call {_callId}, {_role} channel: Accept after Complete");
        }

        if (samples.IsEmpty)
        {
            return;
        }

        var status = _decoder.Accept(samples);
        _fed += samples.Length;
        if (CheckStatus(status))
        {
            EmitFinal(_decoder.Result());
        }
        else if (_fed - _lastPartialQuery >= _partialIntervalSamples)
        {
            _lastPartialQuery = _fed;
            EmitPartialIfChanged(_decoder.PartialResult());
        }
    }

    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (_flushSamples > 0 && CheckStatus(_decoder.Accept(new float[_flushSamples])))
        {
            EmitFinal(_decoder.Result());
        }

        EmitFinal(_decoder.FinalResult());
    }

    public IReadOnlyList<CallEvent> TakeEvents()
    {
        var taken = _events.ToArray();
        _events.Clear();
        return taken;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _decoder.Dispose();
        }
    }

    private bool CheckStatus(int status)
    {
        if (status < 0)
        {
            throw new EngineUnavailableException(
                VoskLibrary.EngineName,
                $"the recognizer failed on call {_callId}, {_role} channel, at {AudioClock.ToTime(_fed, VoskSettings.SampleRate)} "
                + "of audio; this channel cannot continue (see the library's ERROR line on stderr)");
        }

        return status == 1;
    }

    private void EmitPartialIfChanged(string json)
    {
        var partial = VoskResultParser.ParsePartial(json);
        if (partial.Text.Length == 0 || partial.Text == _lastPartial)
        {
            return;
        }

        _lastPartial = partial.Text;
        var start = partial.Words.Count > 0 ? Clamp(partial.Words[0].Start) : AudioClock.ToTime(_utteranceStart, VoskSettings.SampleRate);
        var end = AudioClock.ToTime(_fed, VoskSettings.SampleRate);
        _events.Add(new PartialTranscriptUpdated(
            _callId, _role, new AudioInterval(start < end ? start : end, end), partial.Text, VoskLibrary.EngineName));
    }

    private void EmitFinal(string json)
    {
        var result = VoskResultParser.ParseFinal(json);
        var utteranceStart = _utteranceStart;
        _utteranceStart = _fed;
        _lastPartialQuery = _fed;
        _lastPartial = string.Empty;
        if (result.IsEmpty)
        {
            return;
        }

        var words = result.Best.Words
            .Select(w =>
            {
                var end = Clamp(w.End);
                var start = Clamp(w.Start);
                return new RecognizedWord(w.Text, new AudioInterval(start < end ? start : end, end), w.Confidence);
            })
            .ToArray();
        var span = words.Length > 0
            ? new AudioInterval(words[0].Span.Start, words.Max(w => w.Span.End))
            : AudioInterval.FromSamples(utteranceStart, _fed, VoskSettings.SampleRate);
        _events.Add(new UtteranceRecognized(
            _callId, _role, span, result.Best.Text, words, VoskLibrary.EngineName, result.AlternativeTexts));
    }

    private TimeSpan Clamp(double seconds)
    {
        var audioEnd = AudioClock.ToTime(_fed, VoskSettings.SampleRate);
        if (double.IsNaN(seconds) || seconds <= 0)
        {
            return TimeSpan.Zero;
        }

        var time = TimeSpan.FromSeconds(seconds);
        return time > audioEnd ? audioEnd : time;
    }
}
