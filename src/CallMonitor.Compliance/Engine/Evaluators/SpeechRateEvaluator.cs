using System.Globalization;
using CallMonitor.Compliance.Engine.Matching;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// <c>speech_rate_too_fast</c> / <c>speech_rate_too_slow</c>: characters per minute of speaking time (normalised
/// characters, digits as read; speaking time from word times, else segment times, see <see cref="SpeakingTime"/>).
/// A speaker's final utterances are gathered, in order, into back-to-back windows of at least
/// <c>minWindowSeconds</c> of speaking time and <c>minChars</c> characters (one long utterance is a window by
/// itself); each full window above <c>maxCharsPerMinute</c> (or below <c>minCharsPerMinute</c>) is one violation.
/// A speaker with no text at all is judged the same way on the acoustic syllable-rate estimates of their speech
/// segments, only where the window's rate clears the bound by <see cref="ClearCall"/> standard deviations; those
/// violations stay provisional until the call ends, and are retracted as soon as text for the speaker arrives.
/// </summary>
internal sealed class SpeechRateEvaluator(EvaluationScope scope) : IRuleEvaluator
{
    /// <summary>How many standard deviations of the acoustic estimate the rate must clear the bound by.</summary>
    public const double ClearCall = 2.0;

    /// <summary>Confidence of a rate from word times, from segment times (edges may hold silence), and from the audio alone.</summary>
    private const double WordTimed = 0.9;
    private const double SegmentTimed = 0.75;
    private const double AcousticOnly = 0.6;

    private readonly CompiledRule _rule = scope.Rule;
    private readonly Dictionary<SpeakerRole, RateWindow> _text = [];
    private readonly Dictionary<SpeakerRole, RateWindow> _acoustic = [];
    private readonly HashSet<SpeakerRole> _hasText = [];
    private readonly List<ViolationDetected> _provisional = [];

    private bool Fast => _rule.Rule.Type == RuleType.SpeechRateTooFast;

    private double Bound => _rule.Rule.Parameters.Number(Fast ? "maxCharsPerMinute" : "minCharsPerMinute");

    private double Standard => _rule.Rule.Parameters.Number("standardCharsPerMinute");

    private TimeSpan MinWindow => TimeSpan.FromSeconds(_rule.Rule.Parameters.Number("minWindowSeconds"));

    private double MinChars => _rule.Rule.Parameters.Number("minChars");

    public void Accept(CallEvent e)
    {
        if (!_rule.Judges(e.Role))
        {
            return;
        }

        switch (e)
        {
            case UtteranceRecognized u:
                OnText(u);
                break;
            case SpeechSegmentDetected { Rate: { } rate } segment when !_hasText.Contains(segment.Role) && rate.SpeechSeconds > 0:
                OnAcoustic(segment, rate);
                break;
        }
    }

    public void Complete(TimeSpan callEnd)
    {
        // Nothing but the audio was ever heard from these speakers: the acoustic estimate is the evidence there is.
        foreach (var pending in _provisional)
        {
            scope.Violations.Update(pending, ViolationState.Confirmed);
        }

        _provisional.Clear();
    }

    private void OnText(UtteranceRecognized u)
    {
        var text = UtteranceText.Of(u);
        var speaking = SpeakingTime.Of(text);
        if (text.SpokenLength == 0 || speaking <= TimeSpan.Zero)
        {
            return;
        }

        if (_hasText.Add(u.Role))
        {
            _acoustic.Remove(u.Role);
            foreach (var stale in _provisional.Where(p => p.Role == u.Role).ToList())
            {
                _provisional.Remove(stale);
                scope.Violations.Update(stale, ViolationState.Retracted);
            }
        }

        var window = Window(_text, u.Role);
        window.Add(u.Span, text.SpokenLength, speaking, u.Source, text.HasWordTimes);
        if (!window.IsFull(MinWindow, MinChars))
        {
            return;
        }

        _text.Remove(u.Role);
        if (Breaks(window.PerMinute, 0))
        {
            var basis = window.FromWords ? "按词时间计" : "按语音段时间计";
            scope.Violations.Emit(
                _rule, u.Role, window.Span!.Value, null,
                Describe(window, "字", basis),
                window.Sources, window.FromWords ? WordTimed : SegmentTimed, ViolationState.Confirmed);
        }
    }

    private void OnAcoustic(SpeechSegmentDetected segment, SpeakingRateEstimate rate)
    {
        var window = Window(_acoustic, segment.Role);
        window.Add(segment.Span, rate.Syllables, TimeSpan.FromSeconds(rate.SpeechSeconds), Evidence.Acoustic, false, rate.Uncertainty);
        if (!window.IsFull(MinWindow, MinChars))
        {
            return;
        }

        _acoustic.Remove(segment.Role);
        if (Breaks(window.PerMinute, ClearCall * window.Uncertainty))
        {
            var basis = string.Create(CultureInfo.InvariantCulture, $"无转写，按声学音节估计（±{window.Uncertainty:0}）");
            _provisional.Add(scope.Violations.Emit(
                _rule, segment.Role, window.Span!.Value, null,
                Describe(window, "个音节", basis),
                [Evidence.Acoustic], AcousticOnly, ViolationState.Provisional));
        }
    }

    /// <summary>Whether <paramref name="perMinute"/> is beyond the bound by more than <paramref name="margin"/>.</summary>
    private bool Breaks(double perMinute, double margin) => Fast ? perMinute > Bound + margin : perMinute < Bound - margin;

    private string Describe(RateWindow window, string unit, string basis) => string.Create(
        CultureInfo.InvariantCulture,
        $"语速每分钟 {window.PerMinute:0} 字（{(Fast ? "上限" : "下限")} {Bound:0}，标准约 {Standard:0}）：讲话 {window.Speaking.TotalSeconds:0.0} 秒共 {window.Units} {unit}，{window.Pieces} 段，{basis}");

    private static RateWindow Window(Dictionary<SpeakerRole, RateWindow> windows, SpeakerRole role)
    {
        if (!windows.TryGetValue(role, out var window))
        {
            window = new RateWindow();
            windows[role] = window;
        }

        return window;
    }
}
