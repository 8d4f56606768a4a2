using System.Globalization;
using CallMonitor.Compliance.Engine.Matching;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// <c>filler_word</c>: counts the judged speaker's filler sounds (the <c>fillers</c> set: 啊、唉、嗯/恩、呃) over the call
/// and flags the habit once per speaker and call when, after <c>minAgentSpeechSeconds</c> of their speaking time,
/// they come more often than <c>maxPerMinute</c> a minute of it. A filler counts where it stands apart
/// (<see cref="FillerCounter"/>): alone or opening an utterance or clause, never inside a word or one of the rule's
/// exceptions (嗯好、感恩 …). With <c>allowAsReply</c>, an utterance made only of fillers and exceptions said while the
/// other party speaks (or within <see cref="ReplyGap"/> after) is a back-channel and is not counted. Judged when
/// the call ends, when every utterance of both parties is known.
/// </summary>
internal sealed class FillerWordEvaluator(EvaluationScope scope) : IRuleEvaluator
{
    /// <summary>How soon after the other party stops a filler-only utterance still answers them.</summary>
    public static readonly TimeSpan ReplyGap = TimeSpan.FromSeconds(1.5);

    private readonly CompiledRule _rule = scope.Rule;
    private readonly FillerCounter _counter = new(scope.Rule);
    private readonly List<(SpeakerRole Role, UtteranceText Text, string Source)> _utterances = [];
    private readonly List<(SpeakerRole Role, AudioInterval Span)> _speech = [];

    public void Accept(CallEvent e)
    {
        switch (e)
        {
            case UtteranceRecognized u:
                _speech.Add((u.Role, u.Span));
                if (_rule.Judges(u.Role))
                {
                    _utterances.Add((u.Role, UtteranceText.Of(u), u.Source));
                }

                break;
            case SpeechSegmentDetected s:
                _speech.Add((s.Role, s.Span));
                break;
        }
    }

    public void Complete(TimeSpan callEnd)
    {
        foreach (var role in _utterances.Select(u => u.Role).Distinct().ToList())
        {
            Judge(role);
        }
    }

    private void Judge(SpeakerRole role)
    {
        var parameters = _rule.Rule.Parameters;
        var speaking = TimeSpan.Zero;
        var found = new List<FillerCounter.Occurrence>();
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, text, source) in _utterances.Where(u => u.Role == role))
        {
            speaking += SpeakingTime.Of(text);
            if (parameters.Flag("allowAsReply") && _counter.IsOnlyFillers(text) && Answers(role, text.Span))
            {
                continue;
            }

            var before = found.Count;
            found.AddRange(_counter.Count(text));
            if (found.Count > before)
            {
                sources.Add(source);
            }
        }

        if (found.Count == 0 || speaking.TotalSeconds < parameters.Number("minAgentSpeechSeconds"))
        {
            return;
        }

        var perMinute = found.Count / speaking.TotalMinutes;
        var max = parameters.Number("maxPerMinute");
        if (perMinute <= max)
        {
            return;
        }

        var byFiller = found.GroupBy(f => f.Filler, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ToList();
        var detail = string.Join("、", byFiller.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}×{g.Count()}")));
        var examples = string.Join(" / ", found.Select(f => f.Context).Distinct(StringComparer.Ordinal).Take(3));
        scope.Violations.Emit(
            _rule, role, new AudioInterval(found.Min(f => f.Span.Start), found.Max(f => f.Span.End)), byFiller[0].Key,
            string.Create(
                CultureInfo.InvariantCulture,
                $"口头禅 {found.Count} 次（{detail}），讲话 {speaking.TotalSeconds:0.0} 秒，每分钟 {perMinute:0.0} 次，上限 {max:0.#} 次。例：{examples}"),
            sources, 1.0, ViolationState.Confirmed);
    }

    /// <summary>Whether another party was speaking during <paramref name="span"/> or stopped just before it.</summary>
    private bool Answers(SpeakerRole role, AudioInterval span) => _speech.Exists(s =>
        s.Role != role
        && s.Span.Start < span.End
        && span.Start <= s.Span.End + ReplyGap);
}
