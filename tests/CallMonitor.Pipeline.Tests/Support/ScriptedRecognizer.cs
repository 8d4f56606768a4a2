using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Errors;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Speech.Engines;

namespace CallMonitor.Pipeline.Tests.Support;

/// <summary>
/// Test double for the pipeline's own logic (queues, merge, failure isolation), never a stand-in for a real engine:
/// every <see cref="EverySeconds"/> of audio it reports one utterance ending where the audio has reached, and it can
/// be told to throw after some audio.
/// </summary>
internal sealed class ScriptedEngine(string name, double everySeconds, double? failAfterSeconds = null, bool unavailable = false) : ISpeechEngine
{
    public string Name => name;

    public string Description => $"scripted {name}";

    public double EverySeconds => everySeconds;

    public int Disposed { get; private set; }

    public IChannelRecognizer CreateRecognizer(string callId, SpeakerRole role) =>
        unavailable
            ? throw new EngineUnavailableException(name, "scripted: model missing")
            : new Recognizer(this, callId, role, failAfterSeconds);

    public void Dispose()
    {
    }

    private sealed class Recognizer(ScriptedEngine engine, string callId, SpeakerRole role, double? failAfter) : IChannelRecognizer
    {
        private readonly List<CallEvent> _events = [];
        private long _samples;
        private double _next = engine.EverySeconds;

        public void Accept(ReadOnlySpan<float> samples)
        {
            _samples += samples.Length;
            var at = _samples / 16000.0;
            if (failAfter is { } limit && at > limit)
            {
                throw new EngineUnavailableException(engine.Name, "scripted failure");
            }

            while (at >= _next)
            {
                _events.Add(new UtteranceRecognized(callId, role, AudioInterval.FromSeconds(_next - 0.5, _next), $"{engine.Name}@{_next}", [], engine.Name, []));
                _next += engine.EverySeconds;
            }
        }

        public void Complete()
        {
        }

        public IReadOnlyList<CallEvent> TakeEvents()
        {
            var events = _events.ToArray();
            _events.Clear();
            return events;
        }

        public void Dispose() => engine.Disposed++;
    }
}
