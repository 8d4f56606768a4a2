using CallMonitor.Compliance.Engine.Evaluators;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Events;

namespace CallMonitor.Compliance.Engine;

/// <summary>
/// Runs a pack's rules over one call, live: feed it the call's events as they come (in order of event end, late
/// ones allowed) and it answers with the violations each event settles; <see cref="Complete"/> settles the rest. The
/// same code judges a finished call (feed every event, then complete). Rules run on audio time only. One session
/// per call, used from one thread at a time.
/// </summary>
public sealed class ComplianceSession
{
    private readonly ViolationFactory _violations;
    private readonly CallHistory _history = new();
    private readonly IRuleEvaluator[] _evaluators;
    private bool _completed;

    internal ComplianceSession(string callId, RulePack pack, IReadOnlyList<CompiledRule> rules, CallContext context, ComplianceEngineOptions options)
    {
        CallId = callId;
        Context = context;
        _violations = new ViolationFactory(callId, pack);

        // The classifier's rules run last, so they see what the phrase rules already flagged in the same utterance.
        _evaluators = [.. rules
            .OrderBy(r => r.Rule.Type == RuleType.RudeUtterance ? 1 : 0)
            .Select(r => EvaluatorFactory.Create(new EvaluationScope(r, _history, context, _violations, options)))
            .OfType<IRuleEvaluator>()];
    }

    public string CallId { get; }

    public CallContext Context { get; }

    /// <summary>Takes one event of the call; returns the violations it raised, confirmed or retracted (often none).</summary>
    /// <exception cref="ArgumentException">The event belongs to another call.</exception>
    /// <exception cref="InvalidOperationException">The session was already completed.</exception>
    public IReadOnlyList<ViolationDetected> Accept(CallEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!string.Equals(e.CallId, CallId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"event of call '{e.CallId}' given to the compliance session of call '{CallId}'", nameof(e));
        }

        ThrowIfCompleted();
        if (e is ViolationDetected)
        {
            return [];
        }

        if (e is UtteranceRecognized final)
        {
            _history.Add(final);
        }

        foreach (var evaluator in _evaluators)
        {
            evaluator.Accept(e);
        }

        return _violations.Drain();
    }

    /// <summary>The call is over at <paramref name="callEnd"/> (audio time): settles every rule that waited for the end.</summary>
    /// <exception cref="InvalidOperationException">The session was already completed.</exception>
    public IReadOnlyList<ViolationDetected> Complete(TimeSpan callEnd)
    {
        ThrowIfCompleted();
        _completed = true;
        foreach (var evaluator in _evaluators)
        {
            evaluator.Complete(callEnd);
        }

        return _violations.Drain();
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException($"the compliance session of call '{CallId}' is already complete; start a new session for a new call");
        }
    }
}
