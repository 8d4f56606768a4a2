using CallMonitor.Chinese.Normalization;
using CallMonitor.Compliance.Engine.Matching;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// A rule that fires wherever one of its phrases is said (<c>forbidden_phrase</c>, <c>escalation_cue</c>). Final
/// utterances (and, more weakly, their N-best alternatives) give confirmed violations; live partials give provisional
/// ones that the final confirms or retracts; keyword-spotter hits are provisional until the transcript of the same
/// stretch arrives, then fuse with a transcript hit into one violation, or stand alone, or are retracted when the
/// transcript shows one of the rule's context exceptions there.
/// </summary>
internal sealed class PhraseRuleEvaluator(EvaluationScope scope) : IRuleEvaluator
{
    private const string PhraseSet = "phrases";

    private readonly CompiledRule _rule = scope.Rule;
    private readonly ViolationFactory _out = scope.Violations;
    private readonly HashSet<string> _exceptionTexts = [.. scope.Rule.Rule.Exceptions.Select(e => e.Text)];
    private readonly Dictionary<SpeakerRole, Dictionary<string, ViolationDetected>> _partials = [];
    private readonly List<ViolationDetected> _pendingKws = [];
    private readonly List<FinalRecord> _finals = [];
    private readonly List<(SpeakerRole Role, AudioInterval Span)> _excused = [];

    public void Accept(CallEvent e)
    {
        if (!_rule.Judges(e.Role))
        {
            return;
        }

        switch (e)
        {
            case UtteranceRecognized final:
                OnFinal(final);
                break;
            case PartialTranscriptUpdated partial:
                OnPartial(partial);
                break;
            case KeywordSpotted kws:
                OnKeyword(kws);
                break;
        }
    }

    public void Complete(TimeSpan callEnd)
    {
        foreach (var pending in _pendingKws)
        {
            _out.Update(pending, ViolationState.Confirmed);
        }

        _pendingKws.Clear();
        foreach (var open in _partials.Values)
        {
            // The call ended before the recogniser closed the utterance: the partial is the best text there is.
            foreach (var provisional in open.Values)
            {
                _out.Update(provisional, ViolationState.Confirmed);
            }

            open.Clear();
        }
    }

    private void OnPartial(PartialTranscriptUpdated partial)
    {
        var open = Open(partial.Role);
        var hits = _rule.Set(PhraseSet).Find(UtteranceText.Plain(partial.Text, partial.Span)).Where(h => !h.IsSuppressed).ToList();
        foreach (var gone in open.Keys.Where(k => !hits.Exists(h => h.Key == k)).ToList())
        {
            _out.Update(open[gone], ViolationState.Retracted);
            open.Remove(gone);
        }

        foreach (var hit in hits.Where(h => !open.ContainsKey(h.Key)))
        {
            open[hit.Key] = _out.Emit(_rule, partial.Role, hit.Span, hit.Phrase, hit.Evidence, [partial.Source], hit.Confidence, ViolationState.Provisional);
        }
    }

    private void OnFinal(UtteranceRecognized final)
    {
        var text = UtteranceText.Of(final);
        var set = _rule.Set(PhraseSet);
        var hits = set.Find(text);
        var record = new FinalRecord(final.Role, final.Span);
        var open = Open(final.Role);
        foreach (var hit in hits)
        {
            if (hit.IsSuppressed)
            {
                record.Excused.Add(hit.Span);
                continue;
            }

            var earlier = open.GetValueOrDefault(hit.Key);
            open.Remove(hit.Key);
            record.Violations.Add(Confirm(final, hit, hit.Confidence, earlier?.ViolationId));
        }

        AddAlternatives(final, hits, record);
        foreach (var stale in open.Values)
        {
            _out.Update(stale, ViolationState.Retracted);
        }

        open.Clear();
        foreach (var pending in _pendingKws.Where(p => p.Role == final.Role && p.Span.Overlaps(final.Span)).ToList())
        {
            _pendingKws.Remove(pending);
            var excused = record.Excused.Exists(x => Evidence.Near(x, pending.Span));
            var kept = _out.Update(pending, excused ? ViolationState.Retracted : ViolationState.Confirmed);
            if (!excused)
            {
                record.Violations.Add(kept);
            }
        }

        _finals.Add(record);
    }

    private void AddAlternatives(UtteranceRecognized final, IReadOnlyList<RuleHit> primary, FinalRecord record)
    {
        var seen = new HashSet<string>(primary.Select(h => h.Phrase), StringComparer.Ordinal);
        var weight = Evidence.FirstAlternative;
        foreach (var alternative in final.Alternatives)
        {
            foreach (var hit in _rule.Set(PhraseSet).Find(UtteranceText.Plain(alternative, final.Span)))
            {
                if (seen.Add(hit.Phrase) && !hit.IsSuppressed)
                {
                    record.Violations.Add(Confirm(final, hit, hit.Confidence * weight, null));
                }
            }

            weight /= 2;
        }
    }

    /// <summary>Confirms a transcript hit, fused with a waiting spotter hit of the same place when there is one.</summary>
    private ViolationDetected Confirm(UtteranceRecognized final, RuleHit hit, double confidence, string? id)
    {
        var sources = new List<string> { final.Source };
        var kws = _pendingKws.Find(p => p.Role == final.Role && Evidence.Near(p.Span, hit.Span));
        if (kws is not null)
        {
            _pendingKws.Remove(kws);
            sources.Add(Evidence.Kws);
            confidence = Evidence.Combine(confidence, kws.Confidence);
            id ??= kws.ViolationId;
        }

        return _out.Emit(_rule, final.Role, hit.Span, hit.Phrase, hit.Evidence, sources, confidence, ViolationState.Confirmed, id);
    }

    private void OnKeyword(KeywordSpotted kws)
    {
        var text = ChineseTextNormalizer.Normalize(kws.Phrase).Text;
        if (_exceptionTexts.Contains(text))
        {
            _excused.Add((kws.Role, kws.Span));
            foreach (var pending in _pendingKws.Where(p => p.Role == kws.Role && Evidence.Near(p.Span, kws.Span)).ToList())
            {
                _pendingKws.Remove(pending);
                _out.Update(pending, ViolationState.Retracted);
            }

            return;
        }

        if (_rule.Set(PhraseSet).PhraseWithText(text) is not { } phrase
            || _excused.Exists(x => x.Role == kws.Role && Evidence.Near(x.Span, kws.Span)))
        {
            return;
        }

        var score = kws.Score is { } s ? Math.Clamp(s, 0, 1) : Evidence.UnscoredKws;
        var covering = _finals.FindLast(f => f.Role == kws.Role && f.Span.Overlaps(kws.Span));
        if (covering is null)
        {
            _pendingKws.Add(_out.Emit(_rule, kws.Role, kws.Span, phrase.Display, kws.Phrase, [Evidence.Kws], score, ViolationState.Provisional));
            return;
        }

        if (covering.Excused.Exists(x => Evidence.Near(x, kws.Span)))
        {
            return;
        }

        var index = covering.Violations.FindIndex(v => Evidence.Near(v.Span, kws.Span));
        if (index < 0)
        {
            covering.Violations.Add(_out.Emit(_rule, kws.Role, kws.Span, phrase.Display, kws.Phrase, [Evidence.Kws], score, ViolationState.Confirmed));
            return;
        }

        var earlier = covering.Violations[index];
        if (!earlier.Sources.Contains(Evidence.Kws))
        {
            covering.Violations[index] = _out.Update(
                earlier with { Sources = [.. earlier.Sources, Evidence.Kws], Confidence = Evidence.Combine(earlier.Confidence, score) },
                ViolationState.Confirmed);
        }
    }

    private Dictionary<string, ViolationDetected> Open(SpeakerRole role)
    {
        if (!_partials.TryGetValue(role, out var open))
        {
            open = new Dictionary<string, ViolationDetected>(StringComparer.Ordinal);
            _partials[role] = open;
        }

        return open;
    }

    private sealed class FinalRecord(SpeakerRole role, AudioInterval span)
    {
        public SpeakerRole Role { get; } = role;

        public AudioInterval Span { get; } = span;

        public List<ViolationDetected> Violations { get; } = [];

        public List<AudioInterval> Excused { get; } = [];
    }
}
