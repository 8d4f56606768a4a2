using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// <c>interruption</c>: the agent started talking while the customer was speaking and both talked for
/// <c>minOverlapSeconds</c> or more. An overlap inside an agent utterance no longer than
/// <c>backchannelMaxSeconds</c> made only of back-channels (是、对、嗯 …) is not an interruption; that check uses the
/// agent utterances known when the overlap arrives.
/// </summary>
internal sealed class InterruptionEvaluator(EvaluationScope scope) : IRuleEvaluator
{
    private readonly CompiledRule _rule = scope.Rule;

    public void Accept(CallEvent e)
    {
        if (e is not OverlapDetected { Role: SpeakerRole.Agent, InterruptedRole: SpeakerRole.Customer } overlap
            || overlap.Span.Duration.TotalSeconds < _rule.Rule.Parameters.Number("minOverlapSeconds")
            || IsBackchannel(overlap))
        {
            return;
        }

        scope.Violations.Emit(
            _rule, SpeakerRole.Agent, overlap.Span, null,
            $"客户讲话时坐席插话，双方同时讲话 {Evidence.Seconds(overlap.Span.Duration)} 秒",
            [Evidence.Acoustic], 1.0, ViolationState.Confirmed);
    }

    public void Complete(TimeSpan callEnd)
    {
    }

    private bool IsBackchannel(OverlapDetected overlap)
    {
        var max = TimeSpan.FromSeconds(_rule.Rule.Parameters.Number("backchannelMaxSeconds"));
        var backchannels = _rule.Set("backchannels").PhraseTexts.ToHashSet(StringComparer.Ordinal);
        return scope.History.Finals.Any(f =>
            f.Role == SpeakerRole.Agent
            && f.Text.Span.Overlaps(overlap.Span)
            && f.Text.Span.Duration <= max
            && OnlyBackchannels(f.Text.Normalized.Text, backchannels));
    }

    /// <summary>Whether <paramref name="text"/> is a run of back-channel words (嗯嗯, 好的好的, 是的对).</summary>
    private static bool OnlyBackchannels(string text, HashSet<string> words)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var reachable = new bool[text.Length + 1];
        reachable[0] = true;
        for (var i = 0; i < text.Length; i++)
        {
            if (!reachable[i])
            {
                continue;
            }

            foreach (var word in words)
            {
                if (string.CompareOrdinal(text, i, word, 0, word.Length) == 0 && i + word.Length <= text.Length)
                {
                    reachable[i + word.Length] = true;
                }
            }
        }

        return reachable[text.Length];
    }
}
