using CallMonitor.Domain.Events;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// Runs one rule over one call. Created per call (it holds the call's state), fed every event in arrival order,
/// then told the call is complete. It writes violations to the session's <see cref="ViolationFactory"/>.
/// </summary>
internal interface IRuleEvaluator
{
    void Accept(CallEvent e);

    void Complete(TimeSpan callEnd);
}
